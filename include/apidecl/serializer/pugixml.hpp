#ifndef APIDECL_SERIALIZER_PUGIXML_HPP
#define APIDECL_SERIALIZER_PUGIXML_HPP

#include <apidecl/core/codec_status.hpp>
#include <apidecl/core/media_type.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/detail/utf8.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/enum_names.hpp>
#include <apidecl/types/fixed_vector.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/text_value.hpp>

#include <pugixml.hpp>

#include <charconv>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

/// An XML Serializer (serializer.hpp) on pugixml. Link pugixml (CMake: `apidecl::pugixml`,
/// Meson: `apidecl-pugixml`); no other apidecl header includes pugixml.
///
/// A body is a Hana Struct (fields.hpp) that names its root element once, next to its members:
///
///     struct quote {
///       BOOST_HANA_DEFINE_STRUCT(quote, (std::string, quote_id), (std::vector<std::string>, targets));
///       static constexpr std::string_view xml_element = "Quote";
///       static constexpr apidecl::wire_name wire_names[] = {
///           {"quote_id", "QuoteID"}, {"targets", "TargetLanguages/TargetLanguage/LanguageCode"}};
///     };
///
/// A field's wire name says where it lives, relative to the element of its struct:
/// - `A/B/C` for a scalar or struct: nested elements, the value in the last one.
/// - `List/Item/Rest...` for a `std::vector` or `fixed_vector`: the container element, one `Item`
///   element per value, and the path of the value inside each item (none: the item is the value).
///   A single segment (`Item`) repeats the element directly in the enclosing one.
/// - `@name` for a scalar: an attribute of the struct's own element.
/// Field types: `std::string`, integers, `bool`, enums with `enum_names`, `open_enum`, text values
/// (text_value.hpp), nested structs, `std::optional` of those (absent element: empty optional;
/// an empty optional writes nothing), and sequences of non-optional values. No floating point:
/// money is a decimal text value.
///
/// Decoding ignores unknown elements and attributes; integers and booleans may be surrounded by
/// whitespace (as in XML Schema). A missing required element, text that does not parse, more
/// items than a `fixed_vector` holds, a wrong root element or malformed XML is a `decode_status`
/// whose `where()` is the path from the root: element names joined by '/', a repeated element's
/// position counted from 1 as in XPath, an attribute as `@name`
/// (`QuoteAuthorization/Projects/Project[1]/ProjectID`, `Quote/@id`). pugixml parses without
/// recursion and expands no external or user-defined entities, so deep or hostile input costs
/// memory in proportion to its size and nothing more; decoding descends only as deep as the body
/// type does.
///
/// Encoding refuses text that XML 1.0 cannot carry: bytes that are not UTF-8 and control
/// characters other than tab, line feed and carriage return (pugixml would write them as
/// character references, which XML 1.0 also forbids). A carriage return in element text reaches
/// the reader as a line feed, as XML normalizes line ends.
namespace apidecl {

namespace detail {
// Whether `text` is UTF-8 made only of XML 1.0 characters (the `Char` production: tab, LF, CR,
// U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF; UTF-8 itself excludes the surrogates).
inline bool is_xml_text(std::string_view text) noexcept {
  return every_code_point(text, [](char32_t c) {
    return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
  });
}

// A field's value: what its optional holds, or the field itself.
template <class T> struct unwrap_optional { using type = T; };
template <class T> struct unwrap_optional<std::optional<T>> { using type = T; };

template <class T> struct is_xml_sequence : std::bool_constant<is_vector<T>::value || is_fixed_vector_v<T>> {};

template <class T, class = void>
struct has_xml_element : std::false_type {};
template <class T>
struct has_xml_element<T, std::enable_if_t<std::is_convertible_v<decltype(T::xml_element), std::string_view>>>
    : std::true_type {};

// What can be an element's text or an attribute's value.
template <class T, bool Encoding>
constexpr bool xml_scalar() noexcept {
  return std::is_same_v<T, std::string> || (Encoding && std::is_same_v<T, std::string_view>) ||
         std::is_integral_v<T> || is_open_enum<T>::value || has_enum_names_v<T> || is_text_value_v<T>;
}
template <class T, bool Encoding>
constexpr bool xml_value() noexcept;
// Whether `T`'s fields are all supported, those named "@..." (attributes) being scalars.
template <class T, bool Encoding, class... Fields>
constexpr bool xml_fields(type_list<Fields...>) noexcept {
  constexpr auto members = member_names<T>();
  std::size_t index = 0;
  bool ok = true;
  ((ok = ok && xml_value<Fields, Encoding>() &&
         (wire_name_of<T>(members[index]).substr(0, 1) != "@" ||
          xml_scalar<typename unwrap_optional<Fields>::type, Encoding>()),
    ++index),
   ...);
  return ok;
}
// The types an element may hold: what pugixml_serializer's encode and decode accept below the
// root, so `can_decode_v` tells the truth.
template <class T, bool Encoding>
constexpr bool xml_value() noexcept {
  if constexpr (xml_scalar<T, Encoding>()) return true;
  else if constexpr (is_optional<T>::value) return xml_value<typename T::value_type, Encoding>();
  else if constexpr (is_xml_sequence<T>::value)
    return !is_optional<typename T::value_type>::value && !is_xml_sequence<typename T::value_type>::value &&
           xml_value<typename T::value_type, Encoding>();
  else if constexpr (is_struct_v<T>) return xml_fields<T, Encoding>(field_types_t<T>{});
  else return false;
}
// A body: a struct naming its root element, made of supported fields.
template <class T, bool Encoding>
constexpr bool xml_supports() noexcept {
  if constexpr (is_struct_v<T> && has_xml_element<T>::value) return xml_value<T, Encoding>();
  else return false;
}

// Makes the one error that says why encode or decode cannot handle `T`. The overloads that call
// it return `after_error`, not a status type, so `can_encode_v`/`can_decode_v` stay false and the
// caller's use of the result adds no second error.
template <class T>
void diagnose_xml_unsupported() noexcept {
  static_assert(is_struct_v<T>,
                "apidecl: pugixml_serializer needs the body to be a Hana Struct (BOOST_HANA_DEFINE_STRUCT)");
  static_assert(!is_struct_v<T> || has_xml_element<T>::value,
                "apidecl: pugixml_serializer needs the body type to name its root element: add "
                "'static constexpr std::string_view xml_element = \"Name\";' to the struct");
  static_assert(!is_struct_v<T> || !has_xml_element<T>::value,
                "apidecl: pugixml_serializer cannot handle a field of this body: use std::string, an integer, "
                "bool, an enum with enum_names, open_enum, a text value (text_value.hpp), a Hana Struct, or "
                "std::optional, std::vector or fixed_vector of those; an attribute ('@name') holds only a "
                "scalar or an optional one");
}

// A name for pugixml, which wants it null-terminated, taken from a slice of a wire name.
class xml_name {
 public:
  explicit xml_name(std::string_view name) {
    if (name.size() < sizeof small_) {
      std::memcpy(small_, name.data(), name.size());
      small_[name.size()] = '\0';
    } else {
      large_.assign(name.data(), name.size());
    }
  }
  char const* c_str() const noexcept { return large_.empty() ? small_ : large_.c_str(); }

 private:
  char small_[64];
  std::string large_;
};

// Collects what pugixml writes straight into the caller's writer.
class xml_output final : public pugi::xml_writer {
 public:
  explicit xml_output(writer& out) noexcept : out_(out) {}
  void write(void const* data, std::size_t size) override {
    out_.append({static_cast<char const*>(data), size});
  }

 private:
  writer& out_;
};
}  // namespace detail

class pugixml_serializer {
 public:
  using media_type = xml;

  template <class T, std::enable_if_t<detail::xml_supports<T, true>(), int> = 0>
  encode_status encode(T const& value, writer& out) const {
    pugi::xml_document document;
    pugi::xml_node root = document.append_child(detail::xml_name(T::xml_element).c_str());
    if (encode_status const status = struct_to_xml(value, root); !status) return status;
    detail::xml_output output(out);
    // No XML declaration: without one a document is UTF-8 (XML 1.0, 4.3.3), which is what we
    // write, and onDemand's examples carry none. Raw, because indentation is for people.
    document.save(output, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return {};
  }
  template <class T, std::enable_if_t<!detail::xml_supports<T, true>(), int> = 0>
  detail::after_error encode(T const&, writer&) const {
    detail::diagnose_xml_unsupported<T>();
    return {};
  }

  template <class T, std::enable_if_t<detail::xml_supports<T, false>(), int> = 0>
  decode_status decode(std::string_view text, T& target) const {
    pugi::xml_document document;
    // The defaults (CDATA, entity references, attribute and line-end normalization), and text
    // that is all whitespace kept when it is an element's only content, so "  " round-trips;
    // whitespace between elements is still dropped.
    pugi::xml_parse_result const parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed)
      return decode_status({}, std::string("malformed XML: ") + parsed.description() + " at offset " +
                                   std::to_string(parsed.offset));
    pugi::xml_node const root = document.document_element();
    std::string_view const name = T::xml_element;
    if (name != root.name())
      return decode_status(root.name(), "expected the root element <" + std::string(name) + ">, found <" +
                                            std::string(root.name()) + ">");
    path_step const step{nullptr, name, 0};
    return struct_from_xml(root, target, &step);
  }
  template <class T, std::enable_if_t<!detail::xml_supports<T, false>(), int> = 0>
  detail::after_error decode(std::string_view, T&) const {
    detail::diagnose_xml_unsupported<T>();
    return {};
  }

 private:
  // The path to an element, kept as a chain on the stack and spelled out only for an error.
  struct path_step {
    path_step const* parent;
    std::string_view name;  // one or more element names joined by '/', or "@attribute"
    std::size_t position;   // of a repeated element, from 1; 0 for any other
  };

  static std::string spell(path_step const* step) {
    if (step == nullptr) return {};
    std::string text = spell(step->parent);
    if (!text.empty()) text += '/';
    text.append(step->name.data(), step->name.size());
    if (step->position != 0) text += '[' + std::to_string(step->position) + ']';
    return text;
  }

  static decode_status wrong(path_step const* at, std::string what) { return decode_status(spell(at), std::move(what)); }

  // The first segment of a '/'-separated path, and the rest after it.
  static std::pair<std::string_view, std::string_view> split(std::string_view path) noexcept {
    std::size_t const slash = path.find('/');
    if (slash == std::string_view::npos) return {path, {}};
    return {path.substr(0, slash), path.substr(slash + 1)};
  }

  static pugi::xml_node child_named(pugi::xml_node parent, std::string_view name) noexcept {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling())
      if (child.type() == pugi::node_element && name == child.name()) return child;
    return {};
  }

  // The element at `path` below `node`, or none if a step is missing.
  static pugi::xml_node find_path(pugi::xml_node node, std::string_view path) noexcept {
    while (node && !path.empty()) {
      auto const [head, rest] = split(path);
      node = child_named(node, head);
      path = rest;
    }
    return node;
  }

  // `node`'s character data: its text and CDATA children, joined when there are several.
  static std::string_view text_of(pugi::xml_node node, std::string& joined) {
    std::string_view single;
    std::size_t pieces = 0;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
      if (++pieces == 1) single = child.value();
      else {
        if (pieces == 2) joined.assign(single.data(), single.size());
        joined += child.value();
      }
    }
    return pieces > 1 ? std::string_view(joined) : single;
  }

  static std::string_view trimmed(std::string_view text) noexcept {
    constexpr std::string_view space = " \t\n\r";
    std::size_t const first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
  }

  template <class T>
  static decode_status scalar_from_text(std::string_view text, T& target, path_step const* at) {
    if constexpr (std::is_same_v<T, std::string>) {
      target.assign(text.data(), text.size());
    } else if constexpr (std::is_same_v<T, bool>) {
      text = trimmed(text);
      if (text == "true" || text == "1") target = true;
      else if (text == "false" || text == "0") target = false;
      else return wrong(at, "expected true or false");
    } else if constexpr (std::is_integral_v<T>) {
      text = trimmed(text);
      char const* const end = text.data() + text.size();
      auto const [stop, error] = std::from_chars(text.data(), end, target);
      if (error == std::errc::result_out_of_range) return wrong(at, "integer out of range");
      if (text.empty() || error != std::errc() || stop != end) return wrong(at, "not an integer");
    } else if constexpr (detail::is_open_enum<T>::value) {
      target = T::from_text(text);
    } else if constexpr (has_enum_names_v<T>) {
      auto const known = enum_from_text<T>(text);
      if (!known) return wrong(at, "unknown value \"" + std::string(text) + "\"");
      target = *known;
    } else {
      static_assert(is_text_value_v<T>);
      if (!parse_text(text, target)) return wrong(at, detail::malformed_text_message<T>());
    }
    return {};
  }

  // Reads the element `node` into `target`.
  template <class T>
  static decode_status from_xml(pugi::xml_node node, T& target, path_step const* at) {
    if constexpr (detail::is_optional<T>::value) {
      return from_xml(node, target.emplace(), at);
    } else if constexpr (is_struct_v<T> && !is_text_value_v<T>) {
      return struct_from_xml(node, target, at);
    } else {
      std::string joined;
      return scalar_from_text(text_of(node, joined), target, at);
    }
  }

  template <class T>
  static decode_status sequence_from_xml(pugi::xml_node parent, std::string_view path, T& target,
                                         path_step const* at) {
    auto const [container_path, after] = split(path);
    auto [item_name, inside] = split(after);
    pugi::xml_node container = parent;
    path_step const container_step{at, container_path, 0};
    path_step const* items_at = at;
    if (item_name.empty()) {  // a single segment: the items repeat in the parent itself
      item_name = container_path;
    } else {
      container = child_named(parent, container_path);
      if (!container) return wrong(&container_step, "missing required element");
      items_at = &container_step;
    }
    target.clear();
    std::size_t position = 0;
    for (pugi::xml_node item = container.first_child(); item; item = item.next_sibling()) {
      if (item.type() != pugi::node_element || item_name != item.name()) continue;
      path_step const item_step{items_at, item_name, ++position};
      if constexpr (is_fixed_vector_v<T>) {
        if (target.full())
          return wrong(items_at, "more than " + std::to_string(T::capacity()) + " <" + std::string(item_name) +
                                     "> elements");
      }
      target.emplace_back();  // cannot fail: a full fixed_vector was refused above
      auto& value = target.back();
      pugi::xml_node const holder = find_path(item, inside);
      path_step const inside_step{&item_step, inside, 0};
      path_step const* value_at = inside.empty() ? &item_step : &inside_step;
      if (!holder) return wrong(value_at, "missing required element");
      if (decode_status status = from_xml(holder, value, value_at); !status) return status;
    }
    return {};
  }

  template <class T>
  static decode_status struct_from_xml(pugi::xml_node node, T& target, path_step const* at) {
    decode_status result;
    for_each_field(target, [&](std::string_view name, auto& field) {
      using F = std::decay_t<decltype(field)>;
      using value_type = typename detail::unwrap_optional<F>::type;
      if (!result) return;
      path_step const step{at, name, 0};
      if (!name.empty() && name.front() == '@') {
        if constexpr (detail::xml_scalar<value_type, false>()) {  // xml_supports refuses others
          pugi::xml_attribute const attribute = node.attribute(detail::xml_name(name.substr(1)).c_str());
          if (!attribute) {
            if constexpr (is_optional_v<F>) field.reset();
            else result = wrong(&step, "missing required attribute");
            return;
          }
          if constexpr (is_optional_v<F>) result = scalar_from_text(attribute.value(), field.emplace(), &step);
          else result = scalar_from_text(attribute.value(), field, &step);
        }
      } else if constexpr (detail::is_xml_sequence<value_type>::value) {
        if constexpr (is_optional_v<F>) {
          auto const [container_path, after] = split(name);
          if (!after.empty() && !child_named(node, container_path)) {
            field.reset();
            return;
          }
          result = sequence_from_xml(node, name, field.emplace(), at);
        } else {
          result = sequence_from_xml(node, name, field, at);
        }
      } else {
        pugi::xml_node const element = find_path(node, name);
        if (element) result = from_xml(element, field, &step);
        else if constexpr (is_optional_v<F>) field.reset();
        else result = wrong(&step, "missing required element");
      }
    });
    return result;
  }

  template <class T>
  static encode_status scalar_to_text(T const& value, std::string& text) {
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
      text.assign(value.data(), value.size());
    } else if constexpr (std::is_same_v<T, bool>) {
      text = value ? "true" : "false";
    } else if constexpr (std::is_integral_v<T>) {
      char digits[24];  // the 20 digits and sign of any 64-bit integer
      text.assign(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    } else if constexpr (detail::is_open_enum<T>::value) {
      text = value.text();
    } else if constexpr (has_enum_names_v<T>) {
      text = enum_to_text(value);
      if (text.empty()) return encode_status("holds an enum value that has no name in enum_names");
    } else {
      static_assert(is_text_value_v<T>);
      text = to_text(value);
    }
    if (!detail::is_xml_text(text)) return encode_status("holds a character XML 1.0 cannot carry");
    return {};
  }

  // The child of `parent` named `name`: an existing one, so that fields sharing a prefix
  // (`Source/Code`, `Source/Name`) share its element, or a new one.
  static pugi::xml_node reuse_child(pugi::xml_node parent, std::string_view name) {
    if (pugi::xml_node const existing = child_named(parent, name)) return existing;
    return parent.append_child(detail::xml_name(name).c_str());
  }

  // The element at `path` below `node`, the last step new and the others shared.
  static pugi::xml_node make_path(pugi::xml_node node, std::string_view path) {
    while (!path.empty()) {
      auto const [head, rest] = split(path);
      node = rest.empty() ? node.append_child(detail::xml_name(head).c_str()) : reuse_child(node, head);
      path = rest;
    }
    return node;
  }

  // Writes `value` into the element `node`.
  template <class T>
  static encode_status to_xml(T const& value, pugi::xml_node node) {
    if constexpr (is_struct_v<T> && !is_text_value_v<T>) {
      return struct_to_xml(value, node);
    } else {
      std::string text;
      if (encode_status const status = scalar_to_text(value, text); !status) return status;
      if (!text.empty()) node.append_child(pugi::node_pcdata).set_value(text.data(), text.size());
      return {};
    }
  }

  template <class T>
  static encode_status sequence_to_xml(T const& values, pugi::xml_node parent, std::string_view path) {
    auto const [container_path, after] = split(path);
    auto [item_name, inside] = split(after);
    pugi::xml_node container = parent;
    if (item_name.empty()) item_name = container_path;
    else container = reuse_child(parent, container_path);
    detail::xml_name const item(item_name);
    for (auto const& value : values) {
      pugi::xml_node const holder = make_path(container.append_child(item.c_str()), inside);
      if (encode_status const status = to_xml(value, holder); !status) return status;
    }
    return {};
  }

  template <class T>
  static encode_status struct_to_xml(T const& value, pugi::xml_node node) {
    encode_status result;
    for_each_field(value, [&](std::string_view name, auto const& field) {
      using F = std::decay_t<decltype(field)>;
      using value_type = typename detail::unwrap_optional<F>::type;
      if (!result) return;
      value_type const* const present = [&]() -> value_type const* {
        if constexpr (is_optional_v<F>) return field ? &*field : nullptr;
        else return &field;
      }();
      if (present == nullptr) return;  // an empty optional writes nothing
      if (!name.empty() && name.front() == '@') {
        if constexpr (detail::xml_scalar<value_type, true>()) {  // xml_supports refuses others
          std::string text;
          result = scalar_to_text(*present, text);
          if (result)
            node.append_attribute(detail::xml_name(name.substr(1)).c_str()).set_value(text.data(), text.size());
        }
      } else if constexpr (detail::is_xml_sequence<value_type>::value) {
        result = sequence_to_xml(*present, node, name);
      } else {
        result = to_xml(*present, make_path(node, name));
      }
    });
    return result;
  }
};

}  // namespace apidecl

#endif
