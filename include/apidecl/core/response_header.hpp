#ifndef APIDECL_CORE_RESPONSE_HEADER_HPP
#define APIDECL_CORE_RESPONSE_HEADER_HPP

#include <apidecl/core/header_list.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/types/scalar_text.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

/// Typed header fields of a documented response. A status declares the fields it carries after its
/// media type, each a struct deriving from `response_header` that names itself:
///
///     struct retry_after : apidecl::response_header<std::int64_t> {
///       static constexpr std::string_view name = "Retry-After";
///     };
///     using responses = apidecl::responses<apidecl::on<200, quote, apidecl::xml>,
///                                          apidecl::on<429, apidecl::no_content, apidecl::no_media, retry_after>>;
///
/// Decoding reads each declared field into its case (`status<429, no_content, retry_after>`), its
/// value type spelled as a query-string value would be (scalar_text.hpp: a string, bool, integer,
/// enum with names, open_enum or text value). A field that is declared `required` and missing, or
/// whose value does not read as its type, makes the outcome a decode failure naming the field.
/// Fields are found by name, case-insensitively; the first of a repeated field is read.
namespace apidecl {

/// The base of a response header declaration: a `Value` read from the field's text, `optional`
/// (the default: the value is a `std::optional<Value>`) or `required`.
template <class Value, class Presence = optional>
struct response_header {
  static_assert(detail::is_text_scalar_v<Value>,
                "apidecl: a response header's value type must be std::string, bool, an integer, an enum with "
                "enum_names, open_enum or a text value (text_value.hpp)");
  static_assert(std::is_same_v<Presence, optional> || std::is_same_v<Presence, required>,
                "apidecl: a response header is apidecl::optional or apidecl::required");
  using value_type = Value;
  static constexpr bool is_required = std::is_same_v<Presence, required>;
};

/// What `Header` holds in a decoded case: its value, or a `std::optional` of it unless required.
template <class Header>
using header_value_t = std::conditional_t<Header::is_required, typename Header::value_type,
                                          std::optional<typename Header::value_type>>;

/// The decoded values of the fields `Headers...` a documented status declares.
template <class... Headers>
class header_values {
 public:
  /// The value of `Header`, one of `Headers...`.
  template <class Header>
  header_value_t<Header> const& get() const noexcept {
    return std::get<index<Header>()>(values_);
  }
  template <class Header>
  header_value_t<Header>& get() noexcept {
    return std::get<index<Header>()>(values_);
  }

  friend bool operator==(header_values const& a, header_values const& b) { return a.values_ == b.values_; }

 private:
  template <class Header>
  static constexpr std::size_t index() noexcept {
    constexpr std::size_t found = detail::index_of<Header, Headers...>();
    static_assert(found != detail::npos, "apidecl: the status declares no such response header");
    return found;
  }

  std::tuple<header_value_t<Headers>...> values_;
};

namespace detail {
/// What is wrong with the first declared field of `received` that cannot be read, if any: the
/// field's name and a phrase.
struct header_problem {
  std::string_view name;
  std::string what;
};

template <class Header>
std::optional<header_problem> read_header(header_list const& received, header_value_t<Header>& value) {
  std::optional<std::string_view> const text = received.find(Header::name);
  if (!text) {
    if constexpr (Header::is_required) return header_problem{Header::name, "is missing"};
    else return std::nullopt;
  } else {
    std::string problem;
    if constexpr (Header::is_required) problem = parse_scalar(*text, value);
    else problem = parse_scalar(*text, value.emplace());
    if (problem.empty()) return std::nullopt;
    if constexpr (!Header::is_required) value.reset();
    return header_problem{Header::name, std::move(problem)};
  }
}

/// Reads each of `Headers...` from `received` into `values`; the first problem stops it.
template <class... Headers>
std::optional<header_problem> read_headers(header_list const& received, header_values<Headers...>& values) {
  std::optional<header_problem> problem;
  (void)((problem = read_header<Headers>(received, values.template get<Headers>())) || ...);
  return problem;
}
}  // namespace detail

}  // namespace apidecl

#endif
