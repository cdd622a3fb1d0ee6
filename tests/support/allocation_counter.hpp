// Counting the allocations a piece of code makes, to prove it makes none: this header replaces
// the global operator new and delete of the test program that includes it (include it in exactly
// one translation unit), and `allocation_counter` counts the allocations of its own thread while it
// lives (servers on other threads are not counted). Every replaceable form but the aligned ones is
// replaced, which stay the runtime's own in pairs: a sanitizer tells a `new` of its own from a
// `free` of this file's.
#ifndef APIDECL_TESTS_SUPPORT_ALLOCATION_COUNTER_HPP
#define APIDECL_TESTS_SUPPORT_ALLOCATION_COUNTER_HPP

#include <cstddef>
#include <cstdlib>
#include <new>

namespace test_support {

inline thread_local long* counted_allocations = nullptr;

inline void* counted_allocation(std::size_t size) noexcept {
  if (counted_allocations) ++*counted_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
inline void* counted_allocation_or_abort(std::size_t size) noexcept {
  void* p = counted_allocation(size);
  if (!p) std::abort();  // no std::bad_alloc: the tests also run with exceptions off
  return p;
}

/// Counts the allocations of this thread from its construction to `stop()` or its end.
class allocation_counter {
 public:
  allocation_counter() noexcept { counted_allocations = &count_; }
  ~allocation_counter() { counted_allocations = nullptr; }
  allocation_counter(allocation_counter const&) = delete;
  allocation_counter& operator=(allocation_counter const&) = delete;
  long stop() noexcept {
    counted_allocations = nullptr;
    return count_;
  }

 private:
  long count_ = 0;
};

}  // namespace test_support

void* operator new(std::size_t size) { return test_support::counted_allocation_or_abort(size); }
void* operator new[](std::size_t size) { return test_support::counted_allocation_or_abort(size); }
void* operator new(std::size_t size, std::nothrow_t const&) noexcept { return test_support::counted_allocation(size); }
void* operator new[](std::size_t size, std::nothrow_t const&) noexcept { return test_support::counted_allocation(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }

#endif
