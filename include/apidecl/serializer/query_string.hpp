#ifndef APIDECL_SERIALIZER_QUERY_STRING_HPP
#define APIDECL_SERIALIZER_QUERY_STRING_HPP

#include <apidecl/core/media_type.hpp>
#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/detail/form_path.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/form_encoding.hpp>
#include <apidecl/types/scalar_text.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

/// A Serializer (serializer.hpp) for the query-string syntax used as an HTML-form body
/// (`application/x-www-form-urlencoded`), such as cielo24's `update_password`.
///
/// Body types: Hana Structs or described structs (fields.hpp) whose fields are scalars
/// (`std::string`, integers, `bool`, enums with `enum_names`, `open_enum`, text values
/// (text_value.hpp)), `std::vector`s of scalars and structs of the same kind, each possibly
/// `std::optional` (left out when empty). A vector or struct field is written in the style its
/// struct's `form_encodings` declares (form_encoding.hpp), by default OpenAPI's `form`, exploded:
/// `tags=a&tags=b`, and a struct's fields as its parent's; `deep_object` nests, `home[city]=Oslo`;
/// `explode = false` joins a vector with commas, `tags=a,b` (a comma in a value is escaped, so it
/// cannot split one). An empty vector, like an empty optional, writes nothing.
///
/// Names and values are percent-encoded as in RFC 3986 (brackets too: detail/form_path.hpp);
/// decoding also reads '+' as a space. Decoding ignores unknown names; a missing required field, a
/// scalar given twice, a value that does not parse or a malformed escape is a `decode_result`
/// naming the field (`home[city]`). An optional struct is present when any of its names is.
namespace apidecl {

namespace detail {
// A vector of scalars, which a form repeats or joins.
template <class T> struct form_vector { static constexpr bool value = false; };
template <class T, class A> struct form_vector<std::vector<T, A>> { static constexpr bool value = is_text_scalar_v<T>; };
template <class T> struct form_optional { using type = T; };
template <class T> struct form_optional<std::optional<T>> { using type = T; };

template <class T>
constexpr bool form_struct() noexcept;
// A field a form can carry: a scalar, a vector of scalars or a struct of such fields, each
// possibly optional.
template <class T>
constexpr bool form_field() noexcept {
  using value = typename form_optional<T>::type;
  if constexpr (is_struct_v<value>) return form_struct<value>();
  else return form_vector<value>::value || is_text_scalar_v<value>;
}
template <class... Fields>
constexpr bool form_fields(type_list<Fields...>) noexcept {
  return (form_field<Fields>() && ...);
}
template <class T>
constexpr bool form_struct() noexcept {
  return form_fields(field_types_t<T>{});
}
// The types query_string_serializer reads and writes.
template <class T>
constexpr bool form_supports() noexcept {
  if constexpr (is_struct_v<T>) return form_struct<T>();
  else return false;
}

// Whether each of `T`'s form_encodings names a member, and suits it: deep_object a struct,
// explode = false a vector.
template <class T, class... Fields>
constexpr bool own_form_encodings_suit(type_list<Fields...>) noexcept {
  if constexpr (has_form_encodings_v<T>) {
    constexpr auto members = member_names<T>();
    constexpr std::array<bool, sizeof...(Fields)> is_struct{is_struct_v<typename form_optional<Fields>::type>...};
    constexpr std::array<bool, sizeof...(Fields)> is_vector{form_vector<typename form_optional<Fields>::type>::value...};
    for (form_encoding const& entry : T::form_encodings) {
      std::size_t i = 0;
      while (i < members.size() && members[i] != entry.member) ++i;
      if (i == members.size()) return false;
      if (entry.style == form_style::deep_object && !is_struct[i]) return false;
      if (!entry.explode && (entry.style != form_style::form || !is_vector[i])) return false;
    }
  }
  return true;
}
template <class T>
constexpr bool form_encodings_suit() noexcept;
template <class... Fields>
constexpr bool nested_form_encodings_suit(type_list<Fields...>) noexcept {
  return (form_encodings_suit<typename form_optional<Fields>::type>() && ...);
}
template <class T>
constexpr bool form_encodings_suit() noexcept {
  if constexpr (is_struct_v<T>)
    return own_form_encodings_suit<T>(field_types_t<T>{}) && nested_form_encodings_suit(field_types_t<T>{});
  else return true;
}
}  // namespace detail

class query_string_serializer {
 public:
  using media_type = form;

  template <class T, std::enable_if_t<detail::form_supports<T>(), int> = 0>
  encode_result encode(T const& value, writer& out) const {
    check_form_encodings<T>();
    pair_writer pairs{out};
    encode_fields(value, nullptr, pairs);
    return pairs.result;
  }

  template <class T, std::enable_if_t<detail::form_supports<T>(), int> = 0>
  decode_result decode(std::string_view text, T& target) const {
    check_form_encodings<T>();
    std::size_t found = 0;
    return decode_fields(text, target, nullptr, found);
  }

 private:
  template <class T>
  static constexpr void check_form_encodings() noexcept {
    static_assert(detail::form_encodings_suit<T>(),
                  "apidecl: each entry of form_encodings must name a member: deep_object a struct, explode = false a vector");
  }

  struct pair_writer {
    explicit pair_writer(writer& to) noexcept : out(to) {}
    writer& out;
    bool first = true;
    encode_result result;

    // Starts the pair `name=`; false once a value has failed to encode.
    bool start(detail::form_path const& path) {
      if (!result) return false;
      if (!first) out.push_back('&');
      first = false;
      detail::write_form_name(path, out);
      out.push_back('=');
      return true;
    }
    template <class T>
    void value(T const& scalar) {
      std::string_view const problem = detail::format_scalar(scalar, [&](std::string_view text) { percent_encode(text, out); });
      if (!problem.empty()) result = encode_result(problem);
    }
  };

  // A struct field nests in brackets inside a deep object or when declared deep_object; else
  // its fields are written as its parent's.
  static constexpr bool nests(detail::form_path const* parent, form_encoding const& e) noexcept {
    return parent != nullptr || e.style == form_style::deep_object;
  }

  template <class S>
  static void encode_fields(S const& value, detail::form_path const* parent, pair_writer& pairs) {
    for_each_field(value, [&](auto name, auto const& field) {
      constexpr form_encoding e = detail::form_encoding_of_field(decltype(name){});
      encode_field(field, detail::form_path{parent, name}, e, pairs);
    });
  }

  template <class F>
  static void encode_field(F const& field, detail::form_path const& here, form_encoding const& e, pair_writer& pairs) {
    if constexpr (is_optional_v<F>) {
      if (field) encode_field(*field, here, e, pairs);
    } else if constexpr (is_struct_v<F>) {
      encode_fields(field, nests(here.parent, e) ? &here : here.parent, pairs);
    } else if constexpr (detail::is_vector<F>::value) {
      if (e.explode) {
        for (auto const& element : field)
          if (pairs.start(here)) pairs.value(element);
      } else if (!field.empty() && pairs.start(here)) {
        for (std::size_t i = 0; i < field.size() && pairs.result; ++i) {
          if (i > 0) pairs.out.push_back(',');
          pairs.value(field[i]);
        }
      }
    } else if (pairs.start(here)) {
      pairs.value(field);
    }
  }

  static bool unescape(std::string_view text, std::string& out) {
    out.resize(text.size());  // decoding never lengthens
    writer w(out.data(), out.size());
    bool const ok = percent_decode(text, w, true);
    out.resize(w.size());
    return ok;
  }

  // Calls f(raw value) for each pair named `path`, until f returns false; false on a malformed
  // escape in a name.
  template <class F>
  static bool for_each_value(std::string_view text, detail::form_path const& path, F&& f) {
    std::string key;
    while (!text.empty()) {
      std::size_t const amp = text.find('&');
      std::string_view const pair = text.substr(0, amp);
      text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
      if (pair.empty()) continue;
      std::size_t const eq = pair.find('=');
      if (!unescape(pair.substr(0, eq), key)) return false;
      if (!detail::is_form_name(key, path)) continue;
      if (!f(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1))) return true;
    }
    return true;
  }

  template <class S>
  static decode_result decode_fields(std::string_view text, S& target, detail::form_path const* parent, std::size_t& found) {
    decode_result result;
    for_each_field(target, [&](auto name, auto& field) {
      constexpr form_encoding e = detail::form_encoding_of_field(decltype(name){});
      // every field is read, even after an error, so that `found` tells whether any was given
      decode_result field_result = decode_field(text, field, detail::form_path{parent, name}, e, found);
      if (result) result = std::move(field_result);
    });
    return result;
  }

  template <class F>
  static decode_result decode_field(std::string_view text, F& field, detail::form_path const& here, form_encoding const& e,
                                    std::size_t& found) {
    using value = typename detail::form_optional<F>::type;
    if constexpr (is_struct_v<value>) {
      std::size_t inner = 0;
      value& target = [&]() -> value& {
        if constexpr (is_optional_v<F>) return field.emplace();
        else return field;
      }();
      decode_result result = decode_fields(text, target, nests(here.parent, e) ? &here : here.parent, inner);
      found += inner;
      if constexpr (is_optional_v<F>)
        if (inner == 0) field.reset();  // none of its names: absent, whatever it requires
      return inner == 0 && is_optional_v<F> ? decode_result() : result;
    } else {
      return decode_values(text, field, here, e, found);
    }
  }

  template <class F>
  static decode_result decode_values(std::string_view text, F& field, detail::form_path const& here, form_encoding const& e,
                                     std::size_t& found) {
    using value = typename detail::form_optional<F>::type;
    field = F();  // a used target keeps nothing old
    std::size_t seen = 0;
    std::string problem, unescaped;
    auto parse = [&](std::string_view raw, auto& scalar) {
      if (!unescape(raw, unescaped)) problem = "malformed percent-encoding";
      else problem = detail::parse_scalar(unescaped, scalar);
    };
    bool const well_formed = for_each_value(text, here, [&](std::string_view raw) {
      if constexpr (detail::is_vector<value>::value) {
        value* list = &field_value(field);
        if (e.explode) {
          parse(raw, list->emplace_back());
        } else if (seen > 0) {
          problem = "given more than once";
        } else {
          for (std::size_t comma = 0; problem.empty(); raw.remove_prefix(comma + 1)) {
            comma = std::min(raw.find(','), raw.size());
            parse(raw.substr(0, comma), list->emplace_back());
            if (comma == raw.size()) break;
          }
        }
      } else if (seen > 0) {
        problem = "given more than once";
      } else {
        parse(raw, field_value(field));
      }
      ++seen;
      return problem.empty();
    });
    found += seen;
    if (!well_formed) return decode_result(detail::form_name_text(here), "malformed percent-encoding");
    if (!problem.empty()) return decode_result(detail::form_name_text(here), std::move(problem));
    if (seen == 0 && !is_optional_v<F> && !detail::is_vector<F>::value)
      return decode_result(detail::form_name_text(here), "missing required field");
    return {};
  }

  // The value an optional field holds, made when first given.
  template <class F>
  static auto& field_value(F& field) {
    if constexpr (is_optional_v<F>) return field ? *field : field.emplace();
    else return field;
  }
};

}  // namespace apidecl

#endif
