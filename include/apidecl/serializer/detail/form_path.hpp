#ifndef APIDECL_SERIALIZER_DETAIL_FORM_PATH_HPP
#define APIDECL_SERIALIZER_DETAIL_FORM_PATH_HPP

#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/writer.hpp>

#include <cstddef>
#include <string>
#include <string_view>

/// A field's name in a form body: `name` for a field of the body (or of a struct flattened into
/// it), `name[inner][leaf]` inside deep objects. The path is a chain of frames on the stack, one
/// per level of the body type, so writing and matching names needs no heap.
namespace apidecl::detail {

struct form_path {
  form_path const* parent;  ///< the deep object this field is in; none at the body's level
  std::string_view name;    ///< the field's wire name
};

/// Writes the name percent-encoded, brackets included (`a%5Bb%5D`): RFC 3986 allows '[' and ']'
/// in a URI only around an IP literal, and browsers escape them in form names the same way;
/// servers that read brackets (PHP, Rails, qs) decode the name first.
inline void write_form_name(form_path const& path, writer& out) noexcept {
  if (path.parent == nullptr) return percent_encode(path.name, out);
  write_form_name(*path.parent, out);
  out.append("%5B");
  percent_encode(path.name, out);
  out.append("%5D");
}

/// Whether `key`, a name as decoded from the form, is the path's. Names are compared whole, so a
/// deeply nested name in hostile input costs no parsing: it names no field and is ignored.
inline bool is_form_name(std::string_view key, form_path const& path) noexcept {
  if (path.parent == nullptr) return key == path.name;
  std::size_t const tail = path.name.size() + 2;
  if (key.size() < tail || key.back() != ']' || key[key.size() - tail] != '[' ||
      key.substr(key.size() - tail + 1, path.name.size()) != path.name)
    return false;
  return is_form_name(key.substr(0, key.size() - tail), *path.parent);
}

/// The name as text, for a decode error's `where` (`home[city]`).
inline std::string form_name_text(form_path const& path) {
  if (path.parent == nullptr) return std::string(path.name);
  return form_name_text(*path.parent) + '[' + std::string(path.name) + ']';
}

}  // namespace apidecl::detail

#endif
