// Runs a fuzz target's entry point over saved inputs, as libFuzzer replays a corpus, so that the
// normal test suite checks every seed and every input that once failed, with any compiler and no
// libFuzzer. Each argument is a file or a folder of files (a missing folder is passed over: a
// target may have no regressions yet). Fails if it found no input at all, so that a target whose
// corpus went missing does not pass without running.
#include "../tests/support/boost_without_exceptions.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);

namespace {

std::vector<std::filesystem::path> inputs_in(std::filesystem::path const& place) {
  std::error_code failed;
  if (std::filesystem::is_regular_file(place, failed)) return {place};
  std::vector<std::filesystem::path> files;
  for (auto const& entry : std::filesystem::directory_iterator(place, failed))
    if (entry.is_regular_file(failed)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());  // the same order on every run
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    for (std::filesystem::path const& file : inputs_in(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      std::string const bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      // Said before the input runs: a broken invariant aborts, and this names the input.
      std::fprintf(stderr, "%s\n", file.string().c_str());
      LLVMFuzzerTestOneInput(reinterpret_cast<std::uint8_t const*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::printf("%zu inputs replayed\n", replayed);
  return replayed > 0 ? 0 : 1;
}
