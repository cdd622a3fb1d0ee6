// A LineSink for the observers' tests: keeps every line it is given.
#ifndef APIDECL_TESTS_OBSERVERS_COLLECT_LINES_HPP
#define APIDECL_TESTS_OBSERVERS_COLLECT_LINES_HPP

#include <string>
#include <string_view>
#include <vector>

namespace test_support {

struct collect_lines {
  std::vector<std::string>* lines;
  void operator()(std::string_view line) const { lines->emplace_back(line); }
};

}  // namespace test_support

#endif
