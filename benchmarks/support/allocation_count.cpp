// Replaces the C allocation functions with counting ones that forward to glibc's own, so that
// allocations made inside shared libraries (libstdc++, pugixml, Boost.JSON) are counted too.
#include "allocation_count.hpp"

#include <atomic>
#include <cstdlib>

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
}

namespace {
std::atomic<std::size_t> allocations{0};

void count_one() noexcept { allocations.fetch_add(1, std::memory_order_relaxed); }
}  // namespace

std::size_t allocation_count::so_far() noexcept { return allocations.load(std::memory_order_relaxed); }

extern "C" {
void* malloc(std::size_t size) noexcept {
  count_one();
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) noexcept {
  count_one();
  return __libc_calloc(count, size);
}
void* realloc(void* p, std::size_t size) noexcept {
  count_one();
  return __libc_realloc(p, size);
}
}
