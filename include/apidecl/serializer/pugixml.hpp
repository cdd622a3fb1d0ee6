#ifndef APIDECL_SERIALIZER_PUGIXML_HPP
#define APIDECL_SERIALIZER_PUGIXML_HPP

#include <apidecl/core/media_type.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/detail/utf8.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/detail/field_table.hpp>
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
    auto const& fields = detail::field_table<T, field_encoder>;
    auto const addresses = detail::field_addresses(value);
    return encode_document(markup_of<detail::xml_root_path<T>>(), fields.data(), addresses.data(), fields.size(), out);
  }
  template <class T, std::enable_if_t<!detail::xml_supports<T, true>(), int> = 0>
  detail::after_error encode(T const&, writer&) const {
    detail::diagnose_xml_unsupported<T, true>();
    return {};
  }

  template <class T, std::enable_if_t<detail::xml_supports<T, false>(), int> = 0>
  decode_result decode(std::string_view text, T& target) const {
    auto const& fields = detail::field_table<T, field_decoder>;
    auto const addresses = detail::field_addresses(target);
    return decode_document(text, T::xml_element, fields.data(), addresses.data(), fields.size());
  }
  template <class T, std::enable_if_t<!detail::xml_supports<T, false>(), int> = 0>
  detail::after_error decode(std::string_view, T&) const {
    detail::diagnose_xml_unsupported<T, false>();
    return {};
  }

 private:
  // A body's struct is read and written by walking its field table (detail/field_table.hpp) in
  // non-template code that calls one function per field *type*; what a field's wire name makes
  // (its steps, its markup) is data made at compile time and pointed at from the table. So a body
  // type costs a table and two short functions, however many fields and bodies there are.

  // The markup of an element path, made at compile time (detail/xml_markup.hpp).
  struct markup_text {
    std::string_view opening, closing, closing_empty;
  };
  template <class Path>
  static constexpr markup_text markup_of() noexcept {
    using markup = detail::xml_markup<Path>;
    return {{markup::opening.data(), markup::opening.size()},
            {markup::closing.data(), markup::closing.size()},
            {markup::closing_empty.data(), markup::closing_empty.size()}};
  }

  // The first segment of a '/'-separated path, and the rest after it.
  static constexpr std::pair<std::string_view, std::string_view> split(std::string_view path) noexcept {
    std::size_t const slash = path.find('/');
    if (slash == std::string_view::npos) return {path, {}};
    return {path.substr(0, slash), path.substr(slash + 1)};
  }

  // ---- Decoding ----

  // The defaults (CDATA, entity references, attribute and line-end normalization), and text
  // that is all whitespace kept when it is an element's only content, so "  " round-trips;
  // whitespace between elements is still dropped. Neither keeps processing instructions,
  // comments, declarations or doctypes, so the tree holds only elements, text and CDATA: a
  // child found by name is an element, and an element's content is elements and text.
  static constexpr unsigned parse_options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  static_assert((parse_options & (pugi::parse_pi | pugi::parse_declaration | pugi::parse_comments)) == 0);

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
  // A fixed message is made into a string out of line, not in every decoding function that may fail.
  [[gnu::noinline]] static decode_result wrong(path_step const* at, char const* what) {
    return wrong(at, std::string(what));
  }

  // Reads the element `node` into the value at `target`.
  using value_decoder = decode_result (*)(pugi::xml_node node, void* target, path_step const* at);
  // Reads an attribute's text into the value at `target`.
  using text_decoder = decode_result (*)(std::string_view text, void* target, path_step const* at);

  // How a struct's field is read from the struct's element: what its wire name names (an
  // attribute, an element, or a sequence's items), and a function of its value's type.
  struct field_decoder {
    enum class form : unsigned char { attribute, element, sequence };
    std::string_view wire;
    char const* step_text;  // the wire name's steps, each null-terminated (detail::xml_steps)
    std::size_t const* step_starts;
    std::size_t step_count;
    form kind;
    // Of a sequence's wire name (`List/Item/Rest...`, or `Item`), the parts its errors name.
    std::string_view container_path, item_name, inside;
    // The value's (an element's, or each item's of a sequence): `decode_text` for a scalar, which
    // reads the element's text or the attribute's value; `decode` for a struct.
    text_decoder decode_text;
    value_decoder decode;
    // Of a `std::optional` field: `emplace` makes its value and returns its address, `reset`
    // empties it when the field is absent. Both null for a required field.
    void* (*emplace)(void* optional);
    void (*reset)(void* optional);
    // Of a sequence: empties it; adds an item and returns its address, or null when it is full.
    void (*clear)(void* sequence);
    void* (*append)(void* sequence);
    std::size_t capacity;  // of a fixed_vector; 0 for none

    char const* step(std::size_t index) const noexcept { return step_text + step_starts[index]; }

    template <class Field, class WireName>
    static constexpr field_decoder make() noexcept {
      using steps = detail::xml_steps<WireName>;
      using value_type = typename detail::unwrap_optional<Field>::type;
      constexpr std::string_view wire = WireName::value;
      constexpr std::string_view container_path = split(wire).first;
      field_decoder field{wire,
                          steps::text.data(),
                          steps::starts.data(),
                          steps::count,
                          form::element,
                          container_path,
                          steps::count > 1 ? split(split(wire).second).first : container_path,
                          split(split(wire).second).second,
                          nullptr,
                          nullptr,
                          nullptr,
                          nullptr,
                          nullptr,
                          nullptr,
                          0};
      if constexpr (is_optional_v<Field>) {
        field.emplace = &emplace_value<Field>;
        field.reset = &reset_value<Field>;
      }
      if constexpr (wire.substr(0, 1) == "@") {
        field.kind = form::attribute;
        field.set_decoder<value_type>();
      } else if constexpr (detail::is_xml_sequence<value_type>::value) {
        field.kind = form::sequence;
        field.set_decoder<typename value_type::value_type>();
        field.clear = &clear_items<value_type>;
        field.append = &append_item<value_type>;
        if constexpr (is_fixed_vector_v<value_type>) field.capacity = value_type::capacity();
      } else {
        field.set_decoder<value_type>();
      }
      return field;
    }

    template <class Value>
    constexpr void set_decoder() noexcept {
      if constexpr (is_struct_v<Value> && !is_text_value_v<Value>) decode = &struct_from_xml<Value>;
      else if constexpr (detail::xml_scalar<Value, false>()) decode_text = &text_from_xml<Value>;
      // else: xml_supports refuses the body, and this table is never made
    }
  };

  template <class Optional>
  static void* emplace_value(void* optional) {
    return &static_cast<Optional*>(optional)->emplace();
  }
  template <class Optional>
  static void reset_value(void* optional) noexcept {
    static_cast<Optional*>(optional)->reset();
  }
  template <class Sequence>
  static void* append_item(void* sequence) {
    auto& items = *static_cast<Sequence*>(sequence);
    if constexpr (is_fixed_vector_v<Sequence>) {
      if (items.full()) return nullptr;
      return items.emplace_back();
    } else {
      return &items.emplace_back();
    }
  }
  template <class Sequence>
  static void clear_items(void* sequence) noexcept {
    static_cast<Sequence*>(sequence)->clear();
  }

  [[gnu::noinline]] static decode_result decode_document(std::string_view text, std::string_view root_name,
                                                         field_decoder const* fields, void* const* addresses,
                                                         std::size_t count) {
    pugi::xml_document document;
    pugi::xml_parse_result const parsed = document.load_buffer(text.data(), text.size(), parse_options);
    if (!parsed)
      return decode_result({}, std::string("malformed XML: ") + parsed.description() + " at offset " +
                                   std::to_string(parsed.offset));
    pugi::xml_node const root = document.document_element();
    if (root_name != root.name())
      return decode_result(root.name(), "expected the root element <" + std::string(root_name) + ">, found <" +
                                            std::string(root.name()) + ">");
    path_step const step{nullptr, root_name, 0};
    return fields_from_xml(root, fields, addresses, count, &step);
  }

  // Reads a struct's fields from its element, `node`.
  [[gnu::noinline]] static decode_result fields_from_xml(pugi::xml_node node, field_decoder const* fields,
                                                         void* const* addresses, std::size_t count,
                                                         path_step const* at) {
    for (std::size_t i = 0; i < count; ++i) {
      field_decoder const& field = fields[i];
      void* const address = addresses[i];
      path_step const step{at, field.wire, 0};
      if (field.kind == field_decoder::form::element) {
        pugi::xml_node const element = find_steps(node, field, 0);
        if (!element) {
          if (field.reset == nullptr) return wrong(&step, "missing required element");
          field.reset(address);
        } else if (decode_result status = value_from_xml(element, field, present(field, address), &step); !status) {
          return status;
        }
      } else if (field.kind == field_decoder::form::attribute) {
        pugi::xml_attribute const attribute = node.attribute(field.step_text + 1);
        if (!attribute) {
          if (field.reset == nullptr) return wrong(&step, "missing required attribute");
          field.reset(address);
        } else if (decode_result status = field.decode_text(attribute.value(), present(field, address), &step);
                   !status) {
          return status;
        }
      } else if (field.reset != nullptr && field.step_count > 1 && !node.child(field.step_text)) {
        field.reset(address);  // an optional sequence without its container: absent
      } else if (decode_result status = items_from_xml(node, field, present(field, address), at); !status) {
        return status;
      }
    }
    return {};
  }

  // The value a present field is read into: the field, or what its optional now holds.
  static void* present(field_decoder const& field, void* address) {
    return field.emplace != nullptr ? field.emplace(address) : address;
  }

  // The element reached from `node` by the steps of `field`'s wire name from `first` on, or none
  // if one is missing. pugixml compares each name in place, in one call per step.
  static pugi::xml_node find_steps(pugi::xml_node node, field_decoder const& field, std::size_t first) noexcept {
    if (first == 0 && field.step_count == 1) return node.child(field.step_text);  // most wire names: one step
    for (std::size_t step = first; step < field.step_count && node; ++step) node = node.child(field.step(step));
    return node;
  }

  // Reads the element `node` into the value at `target`: `field`'s value, or an item of it.
  static decode_result value_from_xml(pugi::xml_node node, field_decoder const& field, void* target,
                                      path_step const* at) {
    if (field.decode_text == nullptr) return field.decode(node, target, at);
    // The common case, one child or none: its text, or "" for an element or no child.
    if (pugi::xml_node const first = node.first_child(); first == node.last_child())
      return field.decode_text(first.value(), target, at);
    return joined_text_from_xml(node, field, target, at);
  }

  // Reads `node`'s character data when it has several children: its text and CDATA children,
  // joined. Out of line, so the common case above holds no string.
  [[gnu::noinline]] static decode_result joined_text_from_xml(pugi::xml_node node, field_decoder const& field,
                                                              void* target, path_step const* at) {
    std::string joined;
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
    return field.decode_text(pieces > 1 ? std::string_view(joined) : single, target, at);
  }

  static std::string_view trimmed(std::string_view text) noexcept {
    constexpr std::string_view space = " \t\n\r";
    std::size_t const first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
  }

  template <class T>
  static decode_result text_from_xml(std::string_view text, void* target, path_step const* at) {
    // Numbers and booleans may be padded, as XML Schema's whitespace facet collapses them.
    if constexpr (std::is_integral_v<T>) text = trimmed(text);
    std::string problem = detail::parse_scalar(text, *static_cast<T*>(target));
    if (!problem.empty()) return wrong(at, std::move(problem));
    return {};
  }

  template <class T>
  static decode_result struct_from_xml(pugi::xml_node node, void* target, path_step const* at) {
    auto const& fields = detail::field_table<T, field_decoder>;
    auto const addresses = detail::field_addresses(*static_cast<T*>(target));
    return fields_from_xml(node, fields.data(), addresses.data(), fields.size(), at);
  }

  // Reads the items of the sequence field `field` (`List/Item/Rest...`, or `Item` repeated in
  // `parent` itself) into the sequence at `sequence`, emptied first.
  [[gnu::noinline]] static decode_result items_from_xml(pugi::xml_node parent, field_decoder const& field,
                                                        void* sequence, path_step const* at) {
    bool const contained = field.step_count > 1;
    std::size_t const item_index = contained ? 1 : 0;
    pugi::xml_node container = parent;
    path_step const container_step{at, field.container_path, 0};
    path_step const* items_at = at;
    if (contained) {
      container = parent.child(field.step_text);
      if (!container) return wrong(&container_step, "missing required element");
      items_at = &container_step;
    }
    field.clear(sequence);
    char const* const item_name = field.step(item_index);
    std::size_t position = 0;
    for (pugi::xml_node item = container.child(item_name); item; item = item.next_sibling(item_name)) {
      path_step const item_step{items_at, field.item_name, ++position};
      void* const value = field.append(sequence);
      if (value == nullptr)
        return wrong(items_at, "more than " + std::to_string(field.capacity) + " <" + std::string(field.item_name) +
                                   "> elements");
      pugi::xml_node const holder = find_steps(item, field, item_index + 1);
      path_step const inside_step{&item_step, field.inside, 0};
      path_step const* value_at = field.inside.empty() ? &item_step : &inside_step;
      if (!holder) return wrong(value_at, "missing required element");
      if (decode_result status = value_from_xml(holder, field, value, value_at); !status) return status;
    }
    return {};
  }

  // ---- Encoding ----

  using value_encoder = encode_result (*)(void const* value, detail::xml_stream& xml);

  // How a struct's field is written into the struct's element: an attribute while its start tag
  // is open, or elements, after `containers`, the elements it shares with the fields next to it.
  struct field_encoder {
    std::string_view wire;
    bool attribute;               // "@name"
    std::string_view containers;  // for an element or a sequence
    markup_text markup;           // of the element a value is written in: the leaf's, or each item's
    encode_result (*encode)(void const* value, field_encoder const& field, detail::open_containers& containers,
                            detail::xml_stream& xml);

    template <class Field, class WireName>
    static constexpr field_encoder make() noexcept {
      constexpr std::string_view wire = WireName::value;
      constexpr std::string_view containers = detail::place_of<Field>(wire).shared;
      if constexpr (wire.substr(0, 1) == "@")
        return {wire, true, {}, {}, &attribute_to_xml<Field>};
      else if constexpr (detail::is_xml_sequence<typename detail::unwrap_optional<Field>::type>::value)
        return {wire, false, containers, markup_of<detail::xml_item_path<WireName>>(), &sequence_to_xml<Field>};
      else
        return {wire, false, containers, markup_of<detail::xml_leaf_path<WireName>>(), &element_to_xml<Field>};
    }
  };

  [[gnu::noinline]] static encode_result encode_document(markup_text const& root, field_encoder const* fields,
                                                         void const* const* addresses, std::size_t count,
                                                         writer& out) {
    // Written straight into `out`, with no tree in between, so encoding takes no heap. No XML
    // declaration: without one a document is UTF-8 (XML 1.0, 4.3.3), which is what we write, and
    // onDemand's examples carry none. No indentation, which is for people.
    detail::xml_stream xml(out);
    xml.start(root.opening);
    encode_result const status = fields_to_xml(fields, addresses, count, xml);
    xml.end(root.closing, root.closing_empty);
    return status;
  }

  // Writes a struct's fields into its element, just opened: the attributes first, while the start
  // tag is open, then the elements in declaration order.
  [[gnu::noinline]] static encode_result fields_to_xml(field_encoder const* fields, void const* const* addresses,
                                                       std::size_t count, detail::xml_stream& xml) {
    detail::open_containers containers(xml);
    for (bool const attributes : {true, false})
      for (std::size_t i = 0; i < count; ++i)
        if (fields[i].attribute == attributes)
          if (encode_result const status = fields[i].encode(addresses[i], fields[i], containers, xml); !status)
            return status;
    containers.move_to({});
    return {};
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
  static auto const* present_value(void const* field) noexcept {
    auto const& value = *static_cast<F const*>(field);
    if constexpr (is_optional_v<F>) return value ? &*value : nullptr;
    else return &value;
  }

  // Writes the value at `value` as the content of the element just opened.
  template <class T>
  static encode_result value_to_xml(void const* value, detail::xml_stream& xml) {
    auto const& present = *static_cast<T const*>(value);
    if constexpr (is_struct_v<T> && !is_text_value_v<T>) {
      auto const& fields = detail::field_table<T, field_encoder>;
      auto const addresses = detail::field_addresses(present);
      return fields_to_xml(fields.data(), addresses.data(), fields.size(), xml);
    } else {
      return with_text(present, [&](std::string_view text) {
        if (!text.empty()) xml.text(text);  // empty: <Name/>
      });
    }
  }

  // Writes the value at `value` in the elements `markup` opens and closes.
  [[gnu::noinline]] static encode_result in_element(void const* value, markup_text const& markup,
                                                    value_encoder encode_value, detail::xml_stream& xml) {
    xml.start(markup.opening);
    encode_result const status = encode_value(value, xml);
    xml.end(markup.closing, markup.closing_empty);
    return status;
  }

  template <class Field>
  static encode_result attribute_to_xml(void const* field, field_encoder const& entry, detail::open_containers&,
                                        detail::xml_stream& xml) {
    auto const* const present = present_value<Field>(field);
    if (present == nullptr) return {};  // an empty optional writes nothing
    return with_text(*present, [&](std::string_view text) { xml.attribute(entry.wire.substr(1), text); });
  }

  template <class Field>
  static encode_result element_to_xml(void const* field, field_encoder const& entry,
                                      detail::open_containers& containers, detail::xml_stream& xml) {
    using value_type = typename detail::unwrap_optional<Field>::type;
    auto const* const present = present_value<Field>(field);
    if (present == nullptr) return {};  // an empty optional writes nothing
    containers.move_to(entry.containers);
    return in_element(present, entry.markup, &value_to_xml<value_type>, xml);
  }

  template <class Field>
  static encode_result sequence_to_xml(void const* field, field_encoder const& entry,
                                       detail::open_containers& containers, detail::xml_stream& xml) {
    using item = typename detail::unwrap_optional<Field>::type::value_type;
    auto const* const present = present_value<Field>(field);
    if (present == nullptr) return {};
    containers.move_to(entry.containers);  // an empty sequence still writes its container
    for (item const& value : *present)
      if (encode_result const status = in_element(&value, entry.markup, &value_to_xml<item>, xml); !status)
        return status;
    return {};
  }
};

}  // namespace apidecl

#endif
