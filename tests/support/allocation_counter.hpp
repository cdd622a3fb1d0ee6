// Counting the allocations a piece of code makes, to prove it makes none: this header replaces
// the global operator new and delete of the test program that includes it (include it in exactly
// one translation unit), and `allocation_counter` counts the allocations of its own thread while it
// lives (servers on other threads are not counted). Every replaceable form but the aligned ones is
// replaced, which stay the runtime's own in pairs: a sanitizer tells a `new` of its own from a
// `free` of this file's.
//
// It also makes allocations fail on purpose: `allocation_failure` fails the nth allocation of its
// thread (std::bad_alloc, or nullptr from the nothrow forms), so that a test can fail each
// allocation of a piece of code in turn; `allocations_abort` stops the program at any allocation,
// for code that must not allocate on whatever path it takes.
#ifndef APIDECL_TESTS_SUPPORT_ALLOCATION_COUNTER_HPP
#define APIDECL_TESTS_SUPPORT_ALLOCATION_COUNTER_HPP

#include <cstddef>
#include <cstdlib>
#include <new>

namespace test_support {

inline thread_local long* counted_allocations = nullptr;
inline thread_local long* allocations_before_failure = nullptr;
inline thread_local bool allocation_is_fatal = false;

// Whether this allocation is the one made to fail; aborts if none may be made.
inline bool allocation_fails() noexcept {
  if (allocation_is_fatal) std::abort();
  return allocations_before_failure && (*allocations_before_failure)-- == 0;
}

inline void* counted_allocation(std::size_t size) noexcept {
  if (counted_allocations) ++*counted_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
inline void* counted_allocation_or_abort(std::size_t size) noexcept {
  void* p = counted_allocation(size);
  if (!p) std::abort();  // no std::bad_alloc: the tests also run with exceptions off
  return p;
}

// The throwing forms of operator new.
inline void* allocation_or_bad_alloc(std::size_t size) {
#if defined(__cpp_exceptions)
  if (allocation_fails()) throw std::bad_alloc();
#else
  if (allocation_fails()) std::abort();
#endif
  return counted_allocation_or_abort(size);
}
// The nothrow forms.
inline void* allocation_or_null(std::size_t size) noexcept {
  return allocation_fails() ? nullptr : counted_allocation(size);
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

/// Makes the nth allocation of this thread from its construction fail (1 for the first), once;
/// `reached()` says whether the code under test came that far, which ends a loop over every n.
class allocation_failure {
 public:
  explicit allocation_failure(long n) noexcept : left_(n - 1) { allocations_before_failure = &left_; }
  ~allocation_failure() { allocations_before_failure = nullptr; }
  allocation_failure(allocation_failure const&) = delete;
  allocation_failure& operator=(allocation_failure const&) = delete;
  bool reached() const noexcept { return left_ < 0; }

 private:
  long left_;
};

/// Aborts the program at any allocation of this thread while it lives.
class allocations_abort {
 public:
  allocations_abort() noexcept { allocation_is_fatal = true; }
  ~allocations_abort() { allocation_is_fatal = false; }
  allocations_abort(allocations_abort const&) = delete;
  allocations_abort& operator=(allocations_abort const&) = delete;
};

}  // namespace test_support

void* operator new(std::size_t size) { return test_support::allocation_or_bad_alloc(size); }
void* operator new[](std::size_t size) { return test_support::allocation_or_bad_alloc(size); }
void* operator new(std::size_t size, std::nothrow_t const&) noexcept { return test_support::allocation_or_null(size); }
void* operator new[](std::size_t size, std::nothrow_t const&) noexcept { return test_support::allocation_or_null(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }

#endif
