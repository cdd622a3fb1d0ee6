#ifndef APIDECL_TESTS_CONFORMANCE_CATALOG_OBJECTS_HPP
#define APIDECL_TESTS_CONFORMANCE_CATALOG_OBJECTS_HPP

// The endpoint objects a catalog's headers declare, read from the headers themselves: a test's
// list of descriptors is written by hand, and a descriptor added to the catalog but not to that
// list would otherwise escape the conformance check.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace conformance {

/// The sorted, distinct names `x` of every `inline constexpr endpoints::x x{};` in the headers of
/// include/apidecl/apis/<api>/; empty if the folder cannot be read.
inline std::vector<std::string> endpoint_objects(std::string_view api) {
  std::filesystem::path folder = std::filesystem::path(__FILE__).parent_path() / ".." / ".." / ".." / "include" /
                                 "apidecl" / "apis" / std::string(api);
  std::vector<std::string> names;
  std::error_code failed;
  for (auto const& entry : std::filesystem::directory_iterator(folder, failed)) {
    if (entry.path().extension() != ".hpp") continue;
    std::ifstream header(entry.path());
    std::string line;
    constexpr std::string_view declaration = "inline constexpr endpoints::";
    while (std::getline(header, line)) {
      std::size_t const at = line.find(declaration);
      if (at == std::string::npos) continue;
      std::size_t const begin = at + declaration.size();
      names.push_back(line.substr(begin, line.find(' ', begin) - begin));
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace conformance

#endif
