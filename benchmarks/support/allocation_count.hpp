// Counts the heap allocations of the process, so a benchmark can say how many one call makes.
#ifndef APIDECL_BENCHMARKS_ALLOCATION_COUNT_HPP
#define APIDECL_BENCHMARKS_ALLOCATION_COUNT_HPP

#include <cstddef>

namespace allocation_count {

/// Allocations so far: every malloc, calloc and realloc, and so every `operator new`, which
/// calls malloc, and pugixml's pages, which it takes from malloc.
std::size_t so_far() noexcept;

/// Allocations that `f()` makes.
template <class F>
std::size_t of(F&& f) {
  std::size_t const before = so_far();
  f();
  return so_far() - before;
}

}  // namespace allocation_count

#endif
