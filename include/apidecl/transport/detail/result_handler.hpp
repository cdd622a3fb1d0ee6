#ifndef APIDECL_TRANSPORT_DETAIL_RESULT_HANDLER_HPP
#define APIDECL_TRANSPORT_DETAIL_RESULT_HANDLER_HPP

#include <apidecl/core/response.hpp>

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

/// Where an exchange keeps the callable it reports to, so that reporting allocates nothing.
namespace apidecl::detail {

/// One callable taking `transport_result const&`, kept in place when it fits (an
/// `exchange_handler`, a lambda holding a few pointers or a shared_ptr) and on the heap
/// otherwise. Move-only callables are welcome, as Asio's completion handlers often are. It never
/// moves once stored, so it is neither copyable nor movable itself.
class result_handler {
 public:
  static constexpr std::size_t capacity = 64;

  result_handler() noexcept = default;
  ~result_handler() { reset(); }
  result_handler(result_handler const&) = delete;
  result_handler& operator=(result_handler const&) = delete;

  /// Stores `f`, destroying what was stored before.
  template <class F>
  void emplace(F&& f) {
    using stored = std::decay_t<F>;
    reset();
    if constexpr (sizeof(stored) <= capacity && alignof(stored) <= alignof(std::max_align_t)) {
      target_ = ::new (static_cast<void*>(storage_)) stored(std::forward<F>(f));
      destroy_ = [](void* p) noexcept { static_cast<stored*>(p)->~stored(); };
    } else {
      target_ = new stored(std::forward<F>(f));
      destroy_ = [](void* p) noexcept { delete static_cast<stored*>(p); };
    }
    call_ = [](void* p, transport_result const& r) { (*static_cast<stored*>(p))(r); };
  }

  explicit operator bool() const noexcept { return target_ != nullptr; }

  /// Calls what is stored, if anything.
  void operator()(transport_result const& r) {
    if (target_) call_(target_, r);
  }

  /// Destroys what is stored, uncalled.
  void reset() noexcept {
    if (!target_) return;
    void* const target = target_;
    target_ = nullptr;  // first, so that a handler whose destructor reaches back finds this empty
    destroy_(target);
  }

 private:
  alignas(std::max_align_t) unsigned char storage_[capacity];
  void* target_ = nullptr;
  void (*call_)(void*, transport_result const&) = nullptr;
  void (*destroy_)(void*) noexcept = nullptr;
};

}  // namespace apidecl::detail

#endif
