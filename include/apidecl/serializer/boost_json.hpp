#ifndef APIDECL_SERIALIZER_BOOST_JSON_HPP
#define APIDECL_SERIALIZER_BOOST_JSON_HPP

#include <apidecl/core/media_type.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/detail/utf8.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/detail/field_table.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/one_of.hpp>
#include <apidecl/types/id.hpp>
#include <apidecl/types/scalar_text.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/serializer.hpp>
#include <boost/json/value.hpp>
#include <boost/version.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

/// A JSON Serializer (serializer.hpp) on Boost.JSON. Link Boost.JSON's compiled library
/// (CMake: `apidecl::boost_json`); this header does not include its sources.
///
/// Body types: Hana Structs (fields.hpp) of `std::string`, integers, `bool`, `double`,
/// `std::optional`, `std::vector`, enums with `enum_names`, `open_enum`, text values
/// (text_value.hpp) as JSON strings, `id` as its value (so an integer ID is a JSON number),
/// `std::variant` (one_of.hpp: by its discriminator, or the first alternative that decodes) and
/// nested structs. Decoding ignores unknown fields; a missing required field, a value of the wrong
/// JSON type, an integer out of range, an unknown enum name, text that a text value refuses or
/// malformed JSON is a `decode_result` naming the field's path (`Projects/0/ProjectID`). Parsing
/// uses a stack buffer first, so small bodies are decoded without heap allocation beyond the
/// target's own strings. Encoding refuses what JSON cannot carry: NaN, infinity, and text that is
/// not valid UTF-8.
namespace apidecl {

namespace detail {
// Whether `text` is well-formed UTF-8. Boost.JSON writes strings byte for byte, so text that is
// not would make JSON that no parser, Boost.JSON's included, accepts.
inline bool is_valid_utf8(std::string_view text) noexcept {
  return every_code_point(text, [](char32_t) { return true; });
}
template <class T, bool Encoding>
constexpr bool json_supports() noexcept;
template <bool Encoding, class... Fields>
constexpr bool json_supports_fields(type_list<Fields...>) noexcept {
  return (json_supports<Fields, Encoding>() && ...);
}
template <bool Encoding, class... Alternatives>
constexpr bool json_supports_alternatives(std::variant<Alternatives...> const*) noexcept {
  return sizeof...(Alternatives) > 0 && (json_supports<Alternatives, Encoding>() && ...);
}
// The types boost_json_serializer reads (and, with Encoding, writes): what its encode and decode
// accept, so `can_decode_v` tells the truth and a wrong body type is one clear error.
template <class T, bool Encoding>
constexpr bool json_supports() noexcept {
  if constexpr (std::is_arithmetic_v<T> || is_text_scalar_v<T>) return true;
  else if constexpr (std::is_same_v<T, std::string_view>) return Encoding;
  else if constexpr (is_optional<T>::value || is_vector<T>::value || is_id<T>::value)
    return json_supports<typename T::value_type, Encoding>();
  else if constexpr (is_struct_v<T>) return json_supports_fields<Encoding>(field_types_t<T>{});
  else if constexpr (is_variant<T>::value) return json_supports_alternatives<Encoding>(static_cast<T const*>(nullptr));
  else return false;
}
}  // namespace detail

class boost_json_serializer {
 public:
  using media_type = json;

  /// Deepest nesting accepted; deeper input is a decode error rather than a deep recursion.
  std::size_t max_depth = 32;

  template <class T, std::enable_if_t<detail::json_supports<T, true>(), int> = 0>
  encode_result encode(T const& value, writer& out) const {
    if constexpr (detail::is_variant<T>::value) {
      if constexpr (!is_valid_one_of_v<T>) check_one_of<T>();  // said at the call, not deep below it
    }
    return encode_erased(&value, &encode_value<T>, out);
  }

  template <class T, std::enable_if_t<detail::json_supports<T, false>(), int> = 0>
  decode_result decode(std::string_view text, T& target) const {
    if constexpr (detail::is_variant<T>::value) {
      if constexpr (!is_valid_one_of_v<T>) check_one_of<T>();  // said at the call, not deep below it
    }
    return decode_erased(text, &target, &decode_value<T>);
  }

 private:
  struct path_step;
  // Decodes `json` into the object at `target`; a field's decoder is given null when it is absent.
  using value_decoder = decode_result (*)(boost::json::value const* json, void* target, path_step const* at);
  using value_encoder = encode_result (*)(void const* value, boost::json::value& json);

  // Parsing and writing the text are the same for every body type: out of line, so that a body's
  // decode and encode are a call with its function.
  [[gnu::noinline]] encode_result encode_erased(void const* value, value_encoder encode_as, writer& out) const {
    unsigned char arena[4096];
    boost::json::monotonic_resource memory(arena, sizeof arena);
    boost::json::value document(&memory);
    if (encode_result const status = encode_as(value, document); !status) return status;
    boost::json::serializer serializer;
    serializer.reset(&document);
    char chunk[512];
    while (!serializer.done()) {
      boost::json::string_view const piece = serializer.read(chunk, sizeof chunk);
      out.append({piece.data(), piece.size()});
    }
    return {};
  }

  [[gnu::noinline]] decode_result decode_erased(std::string_view text, void* target, value_decoder decode) const {
    unsigned char scratch[2048];
    unsigned char arena[4096];
    boost::json::monotonic_resource memory(arena, sizeof arena);
    boost::json::parse_options options;
    options.max_depth = max_depth;
#if BOOST_VERSION >= 108300
    // A double reads as the one nearest its text, as it is written: encode then decode gives it back.
    // Earlier versions read it within one unit in the last place only, and have no choice.
    options.numbers = boost::json::number_precision::precise;
#endif
    boost::json::parser parser({}, options, scratch, sizeof scratch);
    parser.reset(&memory);
    boost::json::error_code ec;
    parser.write(text.data(), text.size(), ec);
    if (ec) return decode_result({}, "malformed JSON: " + ec.message());
    boost::json::value const document = parser.release();
    return decode(&document, target, nullptr);
  }

  template <class T>
  static encode_result encode_value(void const* value, boost::json::value& json) {
    return to_json(*static_cast<T const*>(value), json);
  }

  // The path to a value, kept as a chain on the stack and spelled out only for an error.
  struct path_step {
    path_step const* parent;
    std::string_view key;
    std::size_t index;
  };

  static std::string spell(path_step const* step) {
    if (step == nullptr) return {};
    std::string text = spell(step->parent);
    if (!text.empty()) text += '/';
    if (step->key.empty()) text += std::to_string(step->index);
    else text.append(step->key.data(), step->key.size());
    return text;
  }

  static decode_result wrong(path_step const* at, std::string what) { return decode_result(spell(at), std::move(what)); }
  // A fixed message is made into a string out of line, not in every decoding function that may fail.
  [[gnu::noinline]] static decode_result wrong(path_step const* at, char const* what) {
    return wrong(at, std::string(what));
  }

  template <class T>
  static decode_result from_json(boost::json::value const& json, T& target, path_step const* at) {
    if constexpr (std::is_same_v<T, bool>) {
      auto const* flag = json.if_bool();
      if (flag == nullptr) return wrong(at, "expected true or false");
      target = *flag;
    } else if constexpr (std::is_integral_v<T>) {
      return integer_from_json(json, target, at);
    } else if constexpr (std::is_floating_point_v<T>) {
      if (!json.is_number()) return wrong(at, "expected a number");
      boost::json::error_code ec;
      target = json.to_number<T>(ec);
      if (ec || !std::isfinite(target)) return wrong(at, "number out of range");  // 1e400 parses as infinity
    } else if constexpr (detail::is_optional<T>::value) {
      if (json.is_null()) {
        target.reset();
        return {};
      }
      return from_json(json, target.emplace(), at);
    } else if constexpr (detail::is_vector<T>::value) {
      auto const* array = json.if_array();
      if (array == nullptr) return wrong(at, "expected an array");
      target.clear();
      target.resize(array->size());
      for (std::size_t i = 0; i < array->size(); ++i) {
        path_step const step{at, {}, i};
        if (decode_result status = from_json((*array)[i], target[i], &step); !status) return status;
      }
    } else if constexpr (detail::is_id<T>::value) {
      typename T::value_type value{};
      if (decode_result status = from_json(json, value, at); !status) return status;
      target = T(std::move(value));
    } else if constexpr (detail::is_text_scalar_v<T>) {  // a string, an enum or a text value: a JSON string
      auto const* text = json.if_string();
      if (text == nullptr) return wrong(at, "expected a string");
      std::string problem = detail::parse_scalar({text->data(), text->size()}, target);
      if (!problem.empty()) return wrong(at, std::move(problem));
    } else if constexpr (is_struct_v<T>) {
      return struct_from_json(json, target, at);
    } else if constexpr (detail::is_variant<T>::value) {
      if constexpr (!is_valid_one_of_v<T>) check_one_of<T>();
      else return variant_from_json(json, target, at, std::make_index_sequence<std::variant_size_v<T>>{});
    } else {
      static_assert(detail::always_false<T>,
                    "apidecl: boost_json_serializer cannot decode this type: make it a Hana Struct "
                    "(BOOST_HANA_DEFINE_STRUCT), or use std::string, an integer, bool, double, std::optional, "
                    "std::vector, an enum with enum_names, open_enum, id or a text value (text_value.hpp)");
    }
    return {};
  }

  template <class T>
  static decode_result integer_from_json(boost::json::value const& json, T& target, path_step const* at) {
    using limits = std::numeric_limits<T>;
    if (auto const* s = json.if_int64()) {
      bool fits;
      if constexpr (std::is_signed_v<T>)
        fits = *s >= static_cast<std::int64_t>(limits::min()) && *s <= static_cast<std::int64_t>(limits::max());
      else
        fits = *s >= 0 && static_cast<std::uint64_t>(*s) <= static_cast<std::uint64_t>(limits::max());
      if (!fits) return wrong(at, "integer out of range");
      target = static_cast<T>(*s);
      return {};
    }
    if (auto const* u = json.if_uint64()) {
      if (*u > static_cast<std::uint64_t>(limits::max())) return wrong(at, "integer out of range");
      target = static_cast<T>(*u);
      return {};
    }
    return wrong(at, "expected an integer");
  }

  // A struct is decoded by walking its field table (detail/field_table.hpp) in decode_object, which
  // calls one function per field type: the per-body code is the table and a call, so a catalog's
  // bodies do not each carry a copy of their fields' decoding.
  struct field_decoder {
    std::string_view name;
    value_decoder decode;  // given a null json when the field is absent
    bool required;
    template <class Field, class WireName>
    static constexpr field_decoder make() noexcept {
      return {WireName::value, &decode_value<Field>, !is_optional_v<Field>};
    }
  };

  template <class T>
  static decode_result decode_value(boost::json::value const* json, void* target, path_step const* at) {
    auto& value = *static_cast<T*>(target);
    if constexpr (is_optional_v<T>) {
      if (json == nullptr) {
        value.reset();
        return {};
      }
    }
    return from_json(*json, value, at);
  }

  [[gnu::noinline]] static decode_result decode_object(boost::json::value const& json, field_decoder const* fields,
                                                       void* const* addresses, std::size_t count,
                                                       path_step const* at) {
    auto const* object = json.if_object();
    if (object == nullptr) return wrong(at, "expected an object");
    for (std::size_t i = 0; i < count; ++i) {
      path_step const step{at, fields[i].name, 0};
      auto const* member = object->if_contains({fields[i].name.data(), fields[i].name.size()});
      if (member == nullptr && fields[i].required) return wrong(&step, "missing required field");
      if (decode_result status = fields[i].decode(member, addresses[i], &step); !status) return status;
    }
    return {};
  }

  template <class T>
  static decode_result struct_from_json(boost::json::value const& json, T& target, path_step const* at) {
    auto const& fields = detail::field_table<T, field_decoder>;
    auto const addresses = detail::field_addresses(target);
    return decode_object(json, fields.data(), addresses.data(), fields.size(), at);
  }

  // The alternative the discriminator names, or the first that decodes (one_of.hpp).
  template <class T, std::size_t... I>
  static decode_result variant_from_json(boost::json::value const& json, T& target, path_step const* at,
                                         std::index_sequence<I...>) {
    decode_result result;
    if constexpr (is_discriminated_v<T>) {
      auto const* object = json.if_object();
      if (object == nullptr) return wrong(at, "expected an object");
      std::string_view const property = discriminator_property_v<T>;
      path_step const step{at, property, 0};
      auto const* tag = object->if_contains({property.data(), property.size()});
      if (tag == nullptr) return wrong(&step, "missing discriminator");
      auto const* text = tag->if_string();
      if (text == nullptr) return wrong(&step, "expected a string");
      std::string_view const name(text->data(), text->size());
      bool const known = ((name == std::variant_alternative_t<I, T>::discriminator_value &&
                           (result = from_json(json, target.template emplace<I>(), at), true)) ||
                          ...);
      if (!known) return wrong(&step, "unknown discriminator value \"" + std::string(name) + "\"");
    } else {
      std::string reasons;
      auto const decodes = [&](auto& alternative, std::size_t index) {
        decode_result const tried = from_json(json, alternative, at);
        if (tried) return true;
        reasons += (index == 0 ? "" : "; ") + std::to_string(index) + ": ";
        if (!tried.where().empty()) reasons += tried.where() + ": ";
        reasons += tried.what();
        return false;
      };
      if (!(decodes(target.template emplace<I>(), I) || ...)) result = wrong(at, "matches no alternative (" + reasons + ")");
    }
    return result;
  }

  template <class T>
  static encode_result to_json(T const& value, boost::json::value& json) {
    if constexpr (std::is_same_v<T, bool>) {
      json = value;
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      json = static_cast<std::int64_t>(value);
    } else if constexpr (std::is_integral_v<T>) {
      json = static_cast<std::uint64_t>(value);
    } else if constexpr (std::is_floating_point_v<T>) {
      if (!std::isfinite(value)) return encode_result("holds a number JSON cannot represent (NaN or infinity)");
      json = static_cast<double>(value);
    } else if constexpr (detail::is_optional<T>::value) {
      if (!value) json.emplace_null();
      else return to_json(*value, json);
    } else if constexpr (detail::is_vector<T>::value) {
      auto& array = json.emplace_array();
      array.reserve(value.size());
      for (auto const& element : value) {
        boost::json::value& item = array.emplace_back(nullptr);
        if (encode_result const status = to_json(element, item); !status) return status;
      }
    } else if constexpr (detail::is_id<T>::value) {
      return to_json(value.value(), json);
    } else if constexpr (detail::is_writable_text_scalar_v<T>) {  // a string, an enum or a text value: a JSON string
      encode_result result;
      std::string_view const problem = detail::format_scalar(value, [&](std::string_view text) {
        if (detail::is_valid_utf8(text)) json.emplace_string().assign(text.data(), text.size());
        else result = encode_result("holds text that is not valid UTF-8");
      });
      return problem.empty() ? result : encode_result(problem);
    } else if constexpr (detail::is_variant<T>::value) {
      if constexpr (!is_valid_one_of_v<T>) check_one_of<T>();
      else return variant_to_json(value, json, std::make_index_sequence<std::variant_size_v<T>>{});
    } else if constexpr (is_struct_v<T>) {
      auto const& fields = detail::field_table<T, field_encoder>;
      auto const addresses = detail::field_addresses(value);
      return encode_object(json, fields.data(), addresses.data(), fields.size());
    } else {
      static_assert(detail::always_false<T>,
                    "apidecl: boost_json_serializer cannot encode this type: make it a Hana Struct "
                    "(BOOST_HANA_DEFINE_STRUCT), or use std::string, an integer, bool, double, std::optional, "
                    "std::vector, an enum with enum_names, open_enum, id or a text value (text_value.hpp)");
    }
    return {};
  }

  // A struct is encoded as it is decoded: its field table, walked by encode_object.
  struct field_encoder {
    std::string_view name;
    encode_result (*encode)(void const* field, boost::json::object& object, std::string_view name);
    template <class Field, class WireName>
    static constexpr field_encoder make() noexcept {
      return {WireName::value, &encode_field<Field>};
    }
  };

  template <class Field>
  static encode_result encode_field(void const* field, boost::json::object& object, std::string_view name) {
    auto const& value = *static_cast<Field const*>(field);
    if constexpr (is_optional_v<Field>) {
      if (!value) return {};  // absent, not null
    }
    return to_json(value, object[{name.data(), name.size()}]);
  }

  [[gnu::noinline]] static encode_result encode_object(boost::json::value& json, field_encoder const* fields,
                                                       void const* const* addresses, std::size_t count) {
    auto& object = json.emplace_object();
    for (std::size_t i = 0; i < count; ++i)
      if (encode_result const status = fields[i].encode(addresses[i], object, fields[i].name); !status) return status;
    return {};
  }

  // The alternative held, with its discriminator if the variant has one.
  template <class T, std::size_t... I>
  static encode_result variant_to_json(T const& value, boost::json::value& json, std::index_sequence<I...>) {
    if (value.valueless_by_exception()) return encode_result("holds a variant that lost its value");
    encode_result result;
    (void)((value.index() == I && (result = alternative_to_json(*std::get_if<I>(&value), json), true)) || ...);
    return result;
  }

  template <class Alternative>
  static encode_result alternative_to_json(Alternative const& value, boost::json::value& json) {
    if (encode_result const status = to_json(value, json); !status) return status;
    if constexpr (detail::declares_discriminator<Alternative>::value) {
      std::string_view const property = Alternative::discriminator_property, name = Alternative::discriminator_value;
      auto* const object = json.if_object();
      if (object == nullptr) return encode_result("holds a discriminated alternative that is not written as an object");
      auto* const written = object->if_contains({property.data(), property.size()});
      auto const* text = written != nullptr ? written->if_string() : nullptr;
      bool const left_empty = text != nullptr && text->empty();  // a field the caller did not set
      if (written != nullptr && !left_empty && (text == nullptr || std::string_view(text->data(), text->size()) != name))
        return encode_result("holds a discriminator field that does not name its own alternative");
      (*object)[{property.data(), property.size()}] = boost::json::string_view(name.data(), name.size());
    }
    return {};
  }
};

}  // namespace apidecl

#endif
