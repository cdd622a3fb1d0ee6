#ifndef APIDECL_TYPES_COMMA_LIST_HPP
#define APIDECL_TYPES_COMMA_LIST_HPP

#include <apidecl/core/constraint.hpp>
#include <apidecl/types/scalar_text.hpp>

#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

/// Comma-separated lists in one parameter value, `target_language=fr,de,es`.
///
/// A `comma_list` argument converts to the `std::string_view` every text parameter takes; the
/// parameter declares `comma_separated<ItemConstraint>` so that each item is checked and an empty
/// one refused when the request is built. The list has no quoting: an item holding a comma is read
/// by the service as two, so give items that cannot hold one (language codes, enum names):
///
///     struct target_language : apidecl::query<std::string_view, apidecl::comma_separated<>> {...};
///     api.call(endpoint, target_language = apidecl::comma_list{"fr", "de"});
namespace apidecl {

/// The items' texts joined by commas. Items are any scalar with a text (scalar_text.hpp): strings,
/// integers, enums with names, text values such as `language_code`.
class comma_list {
 public:
  comma_list(std::initializer_list<std::string_view> items) { append_all(items.begin(), items.end()); }

  /// The items of `range` (anything with `begin` and `end`). Not a string: its characters would
  /// be integers, so one string is written `comma_list{text}`.
  template <class Range, class = decltype(std::begin(std::declval<Range const&>())),
            std::enable_if_t<!std::is_convertible_v<Range const&, std::string_view>, int> = 0>
  explicit comma_list(Range const& range) {
    append_all(std::begin(range), std::end(range));
  }

  std::string_view text() const noexcept { return text_; }
  operator std::string_view() const noexcept { return text_; }  // NOLINT: a text argument as is

 private:
  template <class Iterator, class End>
  void append_all(Iterator it, End end) {
    for (bool first = true; it != end; ++it, first = false) {
      if (!first) text_.push_back(',');
      // An enum without a name appends nothing: the empty item is refused at the build.
      (void)detail::format_scalar(*it, [&](std::string_view item) { text_.append(item); });
    }
  }

  std::string text_;
};

/// A Constraint (constraint.hpp): the text is one or more comma-separated items, none empty, each
/// satisfying `ItemConstraint`.
template <class ItemConstraint = no_constraint>
struct comma_separated {
  static constexpr std::string_view violation(std::string_view text) noexcept {
    for (;;) {
      std::size_t const comma = text.find(',');
      std::string_view const item = text.substr(0, comma);
      if (item.empty()) return "holds an empty item in its comma-separated list";
      if (std::string_view const problem = ItemConstraint::violation(item); !problem.empty()) return problem;
      if (comma == std::string_view::npos) return {};
      text.remove_prefix(comma + 1);
    }
  }
};

}  // namespace apidecl

#endif
