// What a fuzz target asserts: an invariant that, broken, stops the program with the condition and
// where it is, under libFuzzer (which keeps the input as a crash) and in the replay tests alike.
// Not assert(): the targets check in release builds too.
#ifndef APIDECL_FUZZ_CHECK_HPP
#define APIDECL_FUZZ_CHECK_HPP

#include <cstdio>
#include <cstdlib>

namespace fuzz {

[[noreturn]] inline void invariant_broken(char const* condition, char const* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, condition);
  std::abort();
}

}  // namespace fuzz

#define APIDECL_FUZZ_CHECK(condition) \
  ((condition) ? static_cast<void>(0) : ::fuzz::invariant_broken(#condition, __FILE__, __LINE__))

#endif
