#ifndef APIDECL_TOOLS_OPENAPI_IDENTIFIERS_HPP
#define APIDECL_TOOLS_OPENAPI_IDENTIFIERS_HPP

#include <set>
#include <string>
#include <string_view>

/// C++ names for what a document names: stable (the same document always gives the same names),
/// valid (no keyword, no reserved spelling, no macro a standard header may define) and distinct
/// within their scope.
namespace apidecl_openapi {

/// `text` as a snake_case identifier: `listPets` -> `list_pets`, `find pet by id` ->
/// `find_pet_by_id`, `Xero-Tenant-Id` -> `xero_tenant_id`, `class` -> `class_`, `2fa` -> `n2fa`.
std::string snake_case(std::string_view text);

/// A C++ string literal holding `text`, escaped.
std::string string_literal(std::string_view text);

/// `text` made fit for one line of a `//` comment: line breaks become spaces, and a trailing
/// backslash, which would continue the comment, is dropped.
std::string comment_text(std::string_view text);

/// The names taken in one C++ scope.
class name_scope {
 public:
  /// Takes `wanted`; if it is taken, `wanted_<suffix>`, then `wanted_<suffix>_2`, ...
  std::string claim(std::string const& wanted, std::string_view suffix = "2");
  void reserve(std::string const& name) { taken_.insert(name); }
  bool taken(std::string const& name) const { return taken_.count(name) != 0; }

 private:
  std::set<std::string> taken_;
};

}  // namespace apidecl_openapi

#endif
