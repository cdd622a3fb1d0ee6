// header_list (core/header_list.hpp) over any text, against a plain model of what it documents:
// one field per line holding a ':' after at least one byte, lines ending in LF (a CR before it
// dropped), a status line ("HTTP/...") skipped; names as given, values trimmed of spaces and tabs.
// find() returns the first field of a name, compared case-insensitively.
#include "check.hpp"

#include <apidecl/core/header_list.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

std::vector<apidecl::header_field> model(std::string_view text) {
  std::vector<apidecl::header_field> fields;
  while (!text.empty()) {
    std::size_t const end = text.find('\n');
    std::string_view const line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    std::size_t const colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || line.substr(0, 5) == "HTTP/") continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
      value.remove_suffix(1);
    fields.push_back({line.substr(0, colon), value});
  }
  return fields;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  apidecl::header_list const list(text);
  std::vector<apidecl::header_field> const expected = model(text);

  std::size_t i = 0;
  for (apidecl::header_field const& f : list) {
    APIDECL_FUZZ_CHECK(i < expected.size());
    APIDECL_FUZZ_CHECK(f.name == expected[i].name);
    APIDECL_FUZZ_CHECK(f.value == expected[i].value);
    APIDECL_FUZZ_CHECK(f.name.find('\n') == std::string_view::npos && f.value.find('\n') == std::string_view::npos);
    // The first field of each name is the one find() gives.
    std::size_t first = 0;
    while (!apidecl::iequals(expected[first].name, f.name)) ++first;
    APIDECL_FUZZ_CHECK(list.find(f.name) == expected[first].value);
    ++i;
  }
  APIDECL_FUZZ_CHECK(i == expected.size());
  APIDECL_FUZZ_CHECK(list.empty() == expected.empty());
  APIDECL_FUZZ_CHECK(list.text() == text);
  return 0;
}
