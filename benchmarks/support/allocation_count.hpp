// Counts the heap allocations of the process, so a benchmark can say how many one call makes.
#ifndef APIDECL_BENCHMARKS_ALLOCATION_COUNT_HPP
#define APIDECL_BENCHMARKS_ALLOCATION_COUNT_HPP

#include <cstddef>
#include <string_view>

namespace allocation_count {

/// Allocations so far: every malloc, calloc, realloc, reallocarray, aligned_alloc,
/// posix_memalign, memalign, valloc and pvalloc, and so every `operator new`, plain or aligned,
/// which libstdc++ makes with malloc or aligned_alloc, and pugixml's pages, which it takes from
/// malloc.
std::size_t so_far() noexcept;

/// The first allocation function whose calls are not counted, or an empty view if every one
/// named above is counted: a count that missed some would read as an allocation-free call.
std::string_view uncounted();

/// Allocations that `f()` makes.
template <class F>
std::size_t of(F&& f) {
  std::size_t const before = so_far();
  f();
  return so_far() - before;
}

}  // namespace allocation_count

#endif
