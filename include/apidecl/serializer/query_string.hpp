#ifndef APIDECL_SERIALIZER_QUERY_STRING_HPP
#define APIDECL_SERIALIZER_QUERY_STRING_HPP

#include <apidecl/core/media_type.hpp>
#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/scalar_text.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

/// A Serializer (serializer.hpp) for the query-string syntax used as an HTML-form body
/// (`application/x-www-form-urlencoded`), such as cielo24's `update_password`.
///
/// Body types: flat Hana Structs (fields.hpp) of `std::string`, integers, `bool`, enums with
/// `enum_names`, `open_enum`, text values (text_value.hpp), each possibly `std::optional` (left out
/// when empty) or `std::vector` (the name repeated, `a=1&a=2`). Names and values are
/// percent-encoded as in RFC 3986; decoding also reads '+' as a space. Decoding ignores unknown
/// names; a missing required field, a scalar given twice, a value that does not parse or a
/// malformed escape is a `decode_result` naming the field.
namespace apidecl {

namespace detail {
// The scalar a field holds: itself, or what its optional or vector holds.
template <class T> struct form_element { using type = T; };
template <class T> struct form_element<std::optional<T>> { using type = T; };
template <class T, class A> struct form_element<std::vector<T, A>> { using type = T; };
template <class T>
constexpr bool form_field() noexcept {
  return is_text_scalar_v<typename form_element<T>::type>;
}
template <class... Fields>
constexpr bool form_fields(type_list<Fields...>) noexcept {
  return (form_field<Fields>() && ...);
}
// The types query_string_serializer reads and writes: flat structs of scalars.
template <class T>
constexpr bool form_supports() noexcept {
  if constexpr (is_struct_v<T>) return form_fields(field_types_t<T>{});
  else return false;
}
}  // namespace detail

class query_string_serializer {
 public:
  using media_type = form;

  template <class T, std::enable_if_t<detail::form_supports<T>(), int> = 0>
  encode_result encode(T const& value, writer& out) const {
    bool first = true;
    encode_result result;
    for_each_field(value, [&](std::string_view name, auto const& field) {
      using F = std::decay_t<decltype(field)>;
      auto put = [&](auto const& scalar) {
        if (!result) return;
        if (!first) out.push_back('&');
        first = false;
        percent_encode(name, out);
        out.push_back('=');
        result = put_scalar(scalar, out);
      };
      if constexpr (is_optional_v<F>) {
        if (field) put(*field);
      } else if constexpr (detail::is_vector<F>::value) {
        for (auto const& element : field) put(element);
      } else {
        put(field);
      }
    });
    return result;
  }

  template <class T, std::enable_if_t<detail::form_supports<T>(), int> = 0>
  decode_result decode(std::string_view text, T& target) const {
    decode_result result;
    for_each_field(target, [&](std::string_view name, auto& field) {
      if (result) result = decode_field(text, name, field);
    });
    return result;
  }

 private:
  template <class T>
  static encode_result put_scalar(T const& value, writer& out) {
    std::string_view const problem = detail::format_scalar(value, [&](std::string_view text) { percent_encode(text, out); });
    return problem.empty() ? encode_result() : encode_result(problem);
  }

  static bool unescape(std::string_view text, std::string& out) {
    out.resize(text.size());  // decoding never lengthens
    writer w(out.data(), out.size());
    bool const ok = percent_decode(text, w, true);
    out.resize(w.size());
    return ok;
  }

  // Calls f(value) for each pair named `name`; false on a malformed escape.
  template <class F>
  static bool for_each_value(std::string_view text, std::string_view name, F&& f) {
    std::string key, value;
    while (!text.empty()) {
      std::size_t const amp = text.find('&');
      std::string_view const pair = text.substr(0, amp);
      text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
      if (pair.empty()) continue;
      std::size_t const eq = pair.find('=');
      if (!unescape(pair.substr(0, eq), key)) return false;
      if (key != name) continue;
      if (!unescape(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), value)) return false;
      if (!f(value)) return true;
    }
    return true;
  }

  template <class F>
  static decode_result decode_field(std::string_view text, std::string_view name, F& field) {
    std::string const where(name);
    if constexpr (detail::is_vector<F>::value) field.clear();  // a used target keeps nothing old
    else if constexpr (is_optional_v<F>) field.reset();
    std::size_t seen = 0;
    std::string problem;
    bool const well_formed = for_each_value(text, name, [&](std::string const& value) {
      if constexpr (detail::is_vector<F>::value) problem = detail::parse_scalar(value, field.emplace_back());
      else if (seen > 0) problem = "given more than once";
      else if constexpr (is_optional_v<F>) problem = detail::parse_scalar(value, field.emplace());
      else problem = detail::parse_scalar(value, field);
      ++seen;
      return problem.empty();
    });
    if (!well_formed) return decode_result(where, "malformed percent-encoding");
    if (!problem.empty()) return decode_result(where, std::move(problem));
    if (seen == 0 && !is_optional_v<F> && !detail::is_vector<F>::value)
      return decode_result(where, "missing required field");
    return {};
  }
};

}  // namespace apidecl

#endif
