// Replaces the C allocation functions with counting ones that forward to glibc's own, so that
// allocations made inside shared libraries (libstdc++, pugixml, Boost.JSON) are counted too. The
// aligned ones are replaced as well: glibc's aligned_alloc, posix_memalign and memalign do not go
// through malloc, and libstdc++'s aligned `operator new` calls aligned_alloc, so without them an
// over-aligned allocation would not be counted.
#include "allocation_count.hpp"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <malloc.h>
#include <new>

// glibc's allocator under its own names, which calls inside glibc use and replacing the public
// names does not change. It has no such name for aligned_alloc and posix_memalign, which are
// memalign with different checks.
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void* __libc_valloc(std::size_t size);
void* __libc_pvalloc(std::size_t size);
}

namespace {
std::atomic<std::size_t> allocations{0};

void count_one() noexcept { allocations.fetch_add(1, std::memory_order_relaxed); }

bool is_power_of_two(std::size_t n) noexcept { return n != 0 && (n & (n - 1)) == 0; }
}  // namespace

std::size_t allocation_count::so_far() noexcept { return allocations.load(std::memory_order_relaxed); }

namespace {
// Where each block goes: a volatile store keeps the compiler from removing an allocation whose
// block it sees freed unused.
void* volatile kept;

// Whether `allocate` adds exactly one to the count; `release` gives its block back.
template <class Allocate, class Release>
bool counts_one(Allocate allocate, Release release) {
  std::size_t const before = allocation_count::so_far();
  kept = allocate();
  bool const counted = allocation_count::so_far() - before == 1;
  release(kept);
  return counted;
}
}  // namespace

std::string_view allocation_count::uncounted() {
  constexpr std::size_t size = 48;
  constexpr std::size_t alignment = 64;
  auto const with_free = [](void* p) { std::free(p); };
  if (!counts_one([] { return std::malloc(size); }, with_free)) return "malloc";
  if (!counts_one([] { return std::calloc(1, size); }, with_free)) return "calloc";
  if (!counts_one([] { return std::realloc(nullptr, size); }, with_free)) return "realloc";
  if (!counts_one([] { return reallocarray(nullptr, 2, size); }, with_free)) return "reallocarray";
  if (!counts_one([] { return std::aligned_alloc(alignment, size); }, with_free)) return "aligned_alloc";
  if (!counts_one([] { return memalign(alignment, size); }, with_free)) return "memalign";
  if (!counts_one(
          [] {
            void* p = nullptr;
            return posix_memalign(&p, alignment, size) == 0 ? p : nullptr;
          },
          with_free))
    return "posix_memalign";
  if (!counts_one([] { return valloc(size); }, with_free)) return "valloc";
  if (!counts_one([] { return pvalloc(size); }, with_free)) return "pvalloc";
  if (!counts_one([] { return ::operator new(size); }, [](void* p) { ::operator delete(p); })) return "operator new";
  if (!counts_one([] { return ::operator new(size, std::align_val_t(alignment)); },
                  [](void* p) { ::operator delete(p, std::align_val_t(alignment)); }))
    return "aligned operator new";
  return {};
}

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
// glibc's reallocarray calls its realloc internally, past the replacement above.
void* reallocarray(void* p, std::size_t count, std::size_t size) noexcept {
  std::size_t total = 0;
  if (__builtin_mul_overflow(count, size, &total)) {
    errno = ENOMEM;
    return nullptr;
  }
  return realloc(p, total);
}
void* memalign(std::size_t alignment, std::size_t size) noexcept {
  count_one();
  return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  if (!is_power_of_two(alignment)) {  // as glibc 2.38 and C17 refuse it
    errno = EINVAL;
    return nullptr;
  }
  return memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
  if (!is_power_of_two(alignment) || alignment % sizeof(void*) != 0) return EINVAL;
  void* const p = memalign(alignment, size);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}
void* valloc(std::size_t size) noexcept {
  count_one();
  return __libc_valloc(size);
}
void* pvalloc(std::size_t size) noexcept {
  count_one();
  return __libc_pvalloc(size);
}
}
