#ifndef APIDECL_TRANSPORT_DETAIL_ASIO_HANDLER_MEMORY_HPP
#define APIDECL_TRANSPORT_DETAIL_ASIO_HANDLER_MEMORY_HPP

#include <boost/asio/bind_allocator.hpp>

#include <cstddef>
#include <new>
#include <utility>

/// Room for Asio's operation state, reused from one operation to the next.
///
/// Asio allocates the state of every asynchronous operation (the handler, the buffers, the
/// operation's own fields) through the handler's associated allocator, and frees it before the
/// handler runs, so an object that starts one operation after another can lend it the same few
/// bytes each time. Asio's default, a per-thread cache of two blocks, is shared by everything the
/// thread runs; a transport that keeps a timer and a socket operation per exchange outruns it and
/// would allocate for each request.
namespace apidecl::detail {

/// `Slots` blocks of `SlotSize` bytes. An operation that does not fit, or finds every block
/// taken, is allocated on the heap instead: correct, only slower.
template <std::size_t SlotSize, std::size_t Slots>
class asio_handler_memory {
 public:
  asio_handler_memory() noexcept = default;
  asio_handler_memory(asio_handler_memory const&) = delete;
  asio_handler_memory& operator=(asio_handler_memory const&) = delete;

  void* allocate(std::size_t size) {
    if (size <= SlotSize)
      for (std::size_t i = 0; i < Slots; ++i)
        if (!taken_[i]) {
          taken_[i] = true;
          return slots_[i].bytes;
        }
    return ::operator new(size);
  }

  void deallocate(void* p) noexcept {
    for (std::size_t i = 0; i < Slots; ++i)
      if (p == slots_[i].bytes) {
        taken_[i] = false;
        return;
      }
    ::operator delete(p);
  }

  /// Whether an operation still holds a block: the memory must then outlive it.
  bool in_use() const noexcept {
    for (bool taken : taken_)
      if (taken) return true;
    return false;
  }

 private:
  struct slot {
    alignas(std::max_align_t) unsigned char bytes[SlotSize];
  };
  slot slots_[Slots];
  bool taken_[Slots] = {};
};

/// The allocator Asio finds associated with a handler bound by `asio_bind_memory`.
template <class T, class Memory>
class asio_handler_allocator {
 public:
  using value_type = T;

  explicit asio_handler_allocator(Memory& memory) noexcept : memory_(&memory) {}
  template <class U>
  asio_handler_allocator(asio_handler_allocator<U, Memory> const& other) noexcept  // NOLINT: rebinding
      : memory_(other.memory_) {}

  T* allocate(std::size_t n) { return static_cast<T*>(memory_->allocate(sizeof(T) * n)); }
  void deallocate(T* p, std::size_t) noexcept { memory_->deallocate(p); }

  friend bool operator==(asio_handler_allocator const& a, asio_handler_allocator const& b) noexcept {
    return a.memory_ == b.memory_;
  }
  friend bool operator!=(asio_handler_allocator const& a, asio_handler_allocator const& b) noexcept {
    return a.memory_ != b.memory_;
  }

 private:
  template <class, class>
  friend class asio_handler_allocator;
  Memory* memory_;
};

/// `handler`, with `memory` as the place Asio allocates its operations from.
template <class Memory, class Handler>
auto asio_bind_memory(Memory& memory, Handler&& handler) {
  return boost::asio::bind_allocator(asio_handler_allocator<void, Memory>(memory), std::forward<Handler>(handler));
}

}  // namespace apidecl::detail

#endif
