#ifndef APIDECL_SERIALIZER_PUGIXML_HPP
#define APIDECL_SERIALIZER_PUGIXML_HPP

#include <apidecl/core/media_type.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/detail/utf8.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/detail/xml_fields.hpp>
#include <apidecl/serializer/detail/xml_markup.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/fixed_vector.hpp>
#include <apidecl/types/scalar_text.hpp>
#include <apidecl/types/text_value.hpp>

#include <pugixml.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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
/// Fields whose wire names share an element (`Source/Code`, `Source/Name`) are declared one after
/// the other: the encoder writes the fields in declaration order (a static_assert says so).
/// Field types: `std::string`, integers, `bool`, enums with `enum_names`, `open_enum`, text values
/// (text_value.hpp), nested structs, `std::optional` of those (absent element: empty optional;
/// an empty optional writes nothing), and sequences of non-optional values. No floating point:
/// money is a decimal text value.
///
/// Decoding ignores unknown elements and attributes; integers and booleans may be surrounded by
/// whitespace (as in XML Schema). A missing required element, text that does not parse, more
/// items than a `fixed_vector` holds, a wrong root element or malformed XML is a `decode_result`
/// whose `where()` is the path from the root: element names joined by '/', a repeated element's
/// position counted from 1 as in XPath, an attribute as `@name`
/// (`QuoteAuthorization/Projects/Project[1]/ProjectID`, `Quote/@id`). pugixml parses without
/// recursion and expands no external or user-defined entities, so deep or hostile input costs
/// memory in proportion to its size and nothing more; decoding descends only as deep as the body
/// type does.
///
/// Encoding writes the document straight into the caller's buffer, as pugixml would save it, with
/// no tree in between and no heap (detail/xml_markup.hpp). It refuses text that XML 1.0 cannot
/// carry: bytes that are not UTF-8 and control characters other than tab, line feed and carriage
/// return (character references to them are not XML 1.0 either). A carriage return in element
/// text reaches the reader as a line feed, as XML normalizes line ends.
namespace apidecl {

class pugixml_serializer {
 public:
  using media_type = xml;

  template <class T, std::enable_if_t<detail::xml_supports<T, true>(), int> = 0>
  encode_result encode(T const& value, writer& out) const {
    // Written straight into `out`, with no tree in between, so encoding takes no heap. No XML
    // declaration: without one a document is UTF-8 (XML 1.0, 4.3.3), which is what we write, and
    // onDemand's examples carry none. No indentation, which is for people.
    detail::xml_stream xml(out);
    return element_at<detail::xml_root_path<T>>(value, xml);
  }
  template <class T, std::enable_if_t<!detail::xml_supports<T, true>(), int> = 0>
  detail::after_error encode(T const&, writer&) const {
    detail::diagnose_xml_unsupported<T, true>();
    return {};
  }

  template <class T, std::enable_if_t<detail::xml_supports<T, false>(), int> = 0>
  decode_result decode(std::string_view text, T& target) const {
    pugi::xml_document document;
    pugi::xml_parse_result const parsed = document.load_buffer(text.data(), text.size(), parse_options);
    if (!parsed)
      return decode_result({}, std::string("malformed XML: ") + parsed.description() + " at offset " +
                                   std::to_string(parsed.offset));
    pugi::xml_node const root = document.document_element();
    std::string_view const name = T::xml_element;
    if (name != root.name())
      return decode_result(root.name(), "expected the root element <" + std::string(name) + ">, found <" +
                                            std::string(root.name()) + ">");
    path_step const step{nullptr, name, 0};
    return struct_from_xml(root, target, &step);
  }
  template <class T, std::enable_if_t<!detail::xml_supports<T, false>(), int> = 0>
  detail::after_error decode(std::string_view, T&) const {
    detail::diagnose_xml_unsupported<T, false>();
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

  static decode_result wrong(path_step const* at, std::string what) { return decode_result(spell(at), std::move(what)); }

  // The first segment of a '/'-separated path, and the rest after it.
  static constexpr std::pair<std::string_view, std::string_view> split(std::string_view path) noexcept {
    std::size_t const slash = path.find('/');
    if (slash == std::string_view::npos) return {path, {}};
    return {path.substr(0, slash), path.substr(slash + 1)};
  }

  // The defaults (CDATA, entity references, attribute and line-end normalization), and text
  // that is all whitespace kept when it is an element's only content, so "  " round-trips;
  // whitespace between elements is still dropped. Neither keeps processing instructions,
  // comments, declarations or doctypes, so the tree holds only elements, text and CDATA: a
  // child found by name is an element, and an element's content is elements and text.
  static constexpr unsigned parse_options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  static_assert((parse_options & (pugi::parse_pi | pugi::parse_declaration | pugi::parse_comments)) == 0);

  // The element reached from `node` by the steps of the wire name `Name` from `first` on, or none
  // if one is missing. pugixml compares each name in place, in one call per step.
  template <class Name>
  static pugi::xml_node find_steps(pugi::xml_node node, std::size_t first) noexcept {
    for (std::size_t step = first; step < detail::xml_steps<Name>::count && node; ++step)
      node = node.child(detail::xml_steps<Name>::at(step));
    return node;
  }

  // `node`'s character data: its text and CDATA children, joined when there are several.
  static std::string_view text_of(pugi::xml_node node, std::string& joined) {
    // The common case, one child or none: its text, or "" for an element or no child.
    if (pugi::xml_node const first = node.first_child(); first == node.last_child()) return first.value();
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
  static decode_result scalar_from_text(std::string_view text, T& target, path_step const* at) {
    // Numbers and booleans may be padded, as XML Schema's whitespace facet collapses them.
    if constexpr (std::is_integral_v<T>) text = trimmed(text);
    std::string problem = detail::parse_scalar(text, target);
    if (!problem.empty()) return wrong(at, std::move(problem));
    return {};
  }

  // Reads the element `node` into `target`.
  template <class T>
  static decode_result from_xml(pugi::xml_node node, T& target, path_step const* at) {
    if constexpr (detail::is_optional<T>::value) {
      return from_xml(node, target.emplace(), at);
    } else if constexpr (is_struct_v<T> && !is_text_value_v<T>) {
      return struct_from_xml(node, target, at);
    } else {
      std::string joined;
      return scalar_from_text(text_of(node, joined), target, at);
    }
  }

  // Reads the items of the sequence field whose wire name is `Name` (`List/Item/Rest...`, or `Item`
  // repeated in `parent` itself) into `target`.
  template <class Name, class T>
  static decode_result sequence_from_xml(pugi::xml_node parent, T& target, path_step const* at) {
    using steps = detail::xml_steps<Name>;
    constexpr bool contained = steps::count > 1;
    constexpr std::size_t item_index = contained ? 1 : 0;
    constexpr std::string_view container_path = split(Name::value).first;
    constexpr std::string_view item_name = contained ? split(split(Name::value).second).first : container_path;
    constexpr std::string_view inside = split(split(Name::value).second).second;
    pugi::xml_node container = parent;
    path_step const container_step{at, container_path, 0};
    path_step const* items_at = at;
    if constexpr (contained) {
      container = parent.child(steps::at(0));
      if (!container) return wrong(&container_step, "missing required element");
      items_at = &container_step;
    }
    target.clear();
    std::size_t position = 0;
    for (pugi::xml_node item = container.child(steps::at(item_index)); item;
         item = item.next_sibling(steps::at(item_index))) {
      path_step const item_step{items_at, item_name, ++position};
      if constexpr (is_fixed_vector_v<T>) {
        if (target.full())
          return wrong(items_at, "more than " + std::to_string(T::capacity()) + " <" + std::string(item_name) +
                                     "> elements");
      }
      target.emplace_back();  // cannot fail: a full fixed_vector was refused above
      auto& value = target.back();
      pugi::xml_node const holder = find_steps<Name>(item, item_index + 1);
      path_step const inside_step{&item_step, inside, 0};
      path_step const* value_at = inside.empty() ? &item_step : &inside_step;
      if (!holder) return wrong(value_at, "missing required element");
      if (decode_result status = from_xml(holder, value, value_at); !status) return status;
    }
    return {};
  }

  template <class T>
  static decode_result struct_from_xml(pugi::xml_node node, T& target, path_step const* at) {
    decode_result result;
    for_each_field(target, [&](auto name, auto& field) {
      using F = std::decay_t<decltype(field)>;
      using value_type = typename detail::unwrap_optional<F>::type;
      using steps = detail::xml_steps<decltype(name)>;
      if (!result) return;
      path_step const step{at, name, 0};
      if (!name.empty() && name.front() == '@') {
        if constexpr (detail::xml_scalar<value_type, false>()) {  // xml_supports refuses others
          pugi::xml_attribute const attribute = node.attribute(steps::at(0) + 1);
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
          if (steps::count > 1 && !node.child(steps::at(0))) {  // no container: absent
            field.reset();
            return;
          }
          result = sequence_from_xml<decltype(name)>(node, field.emplace(), at);
        } else {
          result = sequence_from_xml<decltype(name)>(node, field, at);
        }
      } else {
        pugi::xml_node const element = find_steps<decltype(name)>(node, 0);
        if (element) result = from_xml(element, field, &step);
        else if constexpr (is_optional_v<F>) field.reset();
        else result = wrong(&step, "missing required element");
      }
    });
    return result;
  }

  // Calls `use` with `value`'s text, or says why it has none that XML can carry.
  template <class T, class Use>
  static encode_result with_text(T const& value, Use&& use) {
    encode_result result;
    std::string_view const problem = detail::format_scalar(value, [&](std::string_view text) { result = checked(text, use); });
    return problem.empty() ? result : encode_result(problem);
  }

  template <class Use>
  static encode_result checked(std::string_view text, Use& use) {
    if (!detail::is_xml_text(text)) return encode_result("holds a character XML 1.0 cannot carry");
    use(text);
    return {};
  }

  // What a field holds: itself, what its optional holds, or nothing for an empty optional.
  template <class F>
  static auto const* present_value(F const& field) noexcept {
    if constexpr (is_optional_v<F>) return field ? &*field : nullptr;
    else return &field;
  }

  // Writes `value` as the content of the element just opened.
  template <class T>
  static encode_result to_xml(T const& value, detail::xml_stream& xml) {
    if constexpr (is_struct_v<T> && !is_text_value_v<T>) {
      return struct_to_xml(value, xml);
    } else {
      return with_text(value, [&](std::string_view text) {
        if (!text.empty()) xml.text(text);  // empty: <Name/>
      });
    }
  }

  // Writes `value` in new elements along `Path::value`, whose markup is made at compile time.
  template <class Path, class T>
  static encode_result element_at(T const& value, detail::xml_stream& xml) {
    using markup = detail::xml_markup<Path>;
    xml.start({markup::opening.data(), markup::opening.size()});
    encode_result const status = to_xml(value, xml);
    xml.end({markup::closing.data(), markup::closing.size()},
            {markup::closing_empty.data(), markup::closing_empty.size()});
    return status;
  }

  // Writes the items of the sequence field whose wire name is `Name`.
  template <class Name, class T>
  static encode_result sequence_to_xml(T const& values, detail::open_containers& containers, detail::xml_stream& xml) {
    containers.move_to(detail::step_count(Name::value) == 1 ? std::string_view{} : split(Name::value).first);
    for (auto const& value : values)
      if (encode_result const status = element_at<detail::xml_item_path<Name>>(value, xml); !status) return status;
    return {};
  }

  // Writes the fields of `value` into the element just opened: its attributes first, while the
  // start tag is open, then its elements in declaration order.
  template <class T>
  static encode_result struct_to_xml(T const& value, detail::xml_stream& xml) {
    encode_result result;
    for_each_field(value, [&](std::string_view name, auto const& field) {
      using value_type = typename detail::unwrap_optional<std::decay_t<decltype(field)>>::type;
      if constexpr (detail::xml_scalar<value_type, true>()) {  // xml_supports refuses other attributes
        if (!result || name.empty() || name.front() != '@') return;
        if (value_type const* const present = present_value(field))
          result = with_text(*present, [&](std::string_view text) { xml.attribute(name.substr(1), text); });
      }
    });
    detail::open_containers containers(xml);
    for_each_field(value, [&](auto name, auto const& field) {
      using Name = decltype(name);
      using value_type = typename detail::unwrap_optional<std::decay_t<decltype(field)>>::type;
      if (!result || (!name.empty() && name.front() == '@')) return;
      value_type const* const present = present_value(field);
      if (present == nullptr) return;  // an empty optional writes nothing
      if constexpr (detail::is_xml_sequence<value_type>::value) {
        result = sequence_to_xml<Name>(*present, containers, xml);
      } else {
        constexpr std::size_t slash = Name::value.rfind('/');
        containers.move_to(slash == std::string_view::npos ? std::string_view{} : Name::value.substr(0, slash));
        result = element_at<detail::xml_leaf_path<Name>>(*present, xml);
      }
    });
    containers.move_to({});
    return result;
  }
};

}  // namespace apidecl

#endif
