#ifndef APIDECL_CORE_PATH_TEMPLATE_HPP
#define APIDECL_CORE_PATH_TEMPLATE_HPP

#include <cstddef>
#include <string_view>

/// Reading `{placeholder}`s out of a path template such as "/api/quote/{quote_id}/authorize".
/// Everything here is constexpr: descriptors are checked with it at compile time, and the request
/// builder walks the same template at run time.
namespace apidecl::path_template {

/// A placeholder: where its `{` stands and the name between the braces.
struct placeholder {
  std::size_t open = 0;
  std::string_view name;
};

constexpr bool is_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Whether the template starts with '/', and every '{' is closed by a '}' around a non-empty name
/// of letters, digits and '_' (so no nested or stray braces, and no '?' or '#' in the path).
constexpr bool is_well_formed(std::string_view path) noexcept {
  if (path.empty() || path.front() != '/') return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    char const c = path[i];
    if (c == '}' || c == '?' || c == '#') return false;
    if (c != '{') continue;
    std::size_t j = i + 1;
    while (j < path.size() && is_name_char(path[j])) ++j;
    if (j == i + 1 || j == path.size() || path[j] != '}') return false;
    i = j;
  }
  return true;
}

/// The placeholder that follows position `from`, or one with an empty name if none does.
/// Assumes a well-formed template.
constexpr placeholder next(std::string_view path, std::size_t from) noexcept {
  std::size_t const open = path.find('{', from);
  if (open == std::string_view::npos) return {path.size(), {}};
  std::size_t const close = path.find('}', open);
  // Not substr: its bounds check would bring std::out_of_range, or abort, into every firmware.
  std::size_t const end = close == std::string_view::npos ? path.size() : close;
  return {open, std::string_view(path.data() + open + 1, end - open - 1)};
}

/// How many placeholders a well-formed template holds.
constexpr std::size_t count(std::string_view path) noexcept {
  std::size_t n = 0;
  for (placeholder p = next(path, 0); !p.name.empty(); p = next(path, p.open + 1)) ++n;
  return n;
}

/// The `index`-th placeholder of a well-formed template.
constexpr placeholder at(std::string_view path, std::size_t index) noexcept {
  placeholder p = next(path, 0);
  for (; index > 0; --index) p = next(path, p.open + 1);
  return p;
}

/// Whether a well-formed template holds the placeholder `{name}`.
constexpr bool contains(std::string_view path, std::string_view name) noexcept {
  for (placeholder p = next(path, 0); !p.name.empty(); p = next(path, p.open + 1))
    if (p.name == name) return true;
  return false;
}

}  // namespace apidecl::path_template

#endif
