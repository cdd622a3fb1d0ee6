#include "read_api.hpp"

#include "identifiers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <set>
#include <string_view>

namespace apidecl_openapi {

std::string cpp_type::spelling(std::string const& qualifier) const {
  switch (of) {
    case kind::text: return "std::string";
    case kind::int32: return "std::int32_t";
    case kind::int64: return "std::int64_t";
    case kind::number: return "double";
    case kind::boolean: return "bool";
    case kind::timestamp: return "apidecl::utc_timestamp";
    case kind::file: return "apidecl::file_part";
    case kind::named: return qualifier + name;
    case kind::open_enum: return "apidecl::open_enum<" + qualifier + name + ">";
    case kind::vector: return "std::vector<" + element->spelling(qualifier) + ">";
    case kind::optional: return "std::optional<" + element->spelling(qualifier) + ">";
    case kind::variant: {
      std::string text = "std::variant<";
      for (std::size_t i = 0; i < alternatives.size(); ++i) text += (i ? ", " : "") + alternatives[i].spelling(qualifier);
      return text + ">";
    }
  }
  return name;
}

std::string parameter_def::identity() const {
  std::string id = location + '|' + wire + '|' + value_type + '|' + presence + '|' + default_literal + '|' +
                   std::to_string(min_length.value_or(0)) + '|' + std::to_string(max_length.value_or(0)) + '|' +
                   (secret ? "secret" : "") + '|' + (minimum ? std::to_string(*minimum) : "") + '|' +
                   (maximum ? std::to_string(*maximum) : "");
  for (auto const& v : one_of) id += '|' + v;
  return id;
}

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

cpp_type make(cpp_type::kind of) { return cpp_type{of, {}, nullptr, {}}; }
cpp_type named(std::string name) { return cpp_type{cpp_type::kind::named, std::move(name), nullptr, {}}; }
cpp_type wrap(cpp_type::kind of, cpp_type element) {
  return cpp_type{of, {}, std::make_shared<cpp_type const>(std::move(element)), {}};
}
cpp_type optional_of(cpp_type t) {
  return t.of == cpp_type::kind::optional ? t : wrap(cpp_type::kind::optional, std::move(t));
}

// Checking a pattern needs a regular-expression engine: std::regex throws (the library builds
// without exceptions), allocates, and is not ECMA-262's dialect that JSON Schema names.
std::string const pattern_unchecked = "its pattern is not checked (apidecl has no regular-expression engine)";

char const* const http_methods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

bool is_json_media(std::string const& media) {
  std::string const m = lower(media.substr(0, media.find(';')));
  return m == "application/json" || m == "*/*" || m == "application/*" ||
         (m.size() > 5 && m.compare(m.size() - 5, 5, "+json") == 0);
}

class reader {
 public:
  reader(source_document const& document, api& out) : document_(document), out_(out) {}

  void read(std::string namespace_name) {
    node const root = root_of(document_);
    out_.openapi = root["openapi"].text();
    if (out_.openapi.rfind("3.0", 0) != 0 && out_.openapi.rfind("3.1", 0) != 0)
      root["openapi"].fail("OpenAPI " + out_.openapi + " is not 3.0 or 3.1");
    out_.title = root["info"]["title"].text();
    out_.version = root["info"]["version"].scalar_text();
    out_.namespace_name = namespace_name.empty() ? snake_case(out_.title) : namespace_name;
    for (char const* name : {"params", "endpoints", "headers", "all_endpoints", "any_object", "std", "apidecl", "boost"})
      scope_.reserve(name);

    root["components"]["schemas"].for_each_member([&](std::string_view key, node const& schema) {
      component_names_[schema.pointer()] = scope_.claim(snake_case(key), "type");
    });
    for_each_operation([&](std::string const& path, std::string const& method, node const&, node const& op) {
      std::string const id = op["operationId"].text_or("");
      std::string const wanted = snake_case(id.empty() ? method + " " + path : id);
      operation_names_[op.pointer()] = scope_.claim(wanted, "op");
    });
    root["components"]["schemas"].for_each_member([&](std::string_view, node const& schema) { named_schema(schema); });
    read_security_schemes(root);
    for_each_operation([&](std::string const& path, std::string const& method, node const& item, node const& op) {
      read_operation(path, method, item, op);
    });
    root["webhooks"].for_each_member([&](std::string_view key, node const& w) {
      note(w.pointer(), "webhook '" + std::string(key) + "': webhooks are not generated");
    });
    order_types();
  }

 private:
  template <class F>
  void for_each_operation(F&& f) {
    root_of(document_)["paths"].for_each_member([&](std::string_view path, node const& declared) {
      node const item = declared.resolved();
      for (char const* method : http_methods)
        if (item.has(method)) f(std::string(path), std::string(method), item, item[method]);
    });
  }

  void note(std::string pointer, std::string what) { out_.unsupported.push_back({std::move(pointer), std::move(what)}); }

  // ---- schemas ------------------------------------------------------------------------------

  // The type of a component schema (or of any schema a $ref names), made once.
  std::optional<cpp_type> named_schema(node const& schema) {
    std::string const& at = schema.pointer();
    if (auto found = schema_types_.find(at); found != schema_types_.end()) {
      if (!found->second.has_value() && in_progress_.count(at) != 0) {
        note(at, "a schema that contains itself other than through an array or an object is not expressible");
      }
      return found->second;
    }
    auto const claimed = component_names_.find(at);
    std::string const name =
        claimed != component_names_.end() ? claimed->second : scope_.claim(snake_case(last_token(at)), "type");
    if (creates_named_type(schema)) schema_types_[at] = named(name);  // structs may refer to themselves
    else schema_types_[at] = std::nullopt;
    in_progress_.insert(at);
    std::optional<cpp_type> type = translate(schema, name, true);
    in_progress_.erase(at);
    auto const names_itself = [&](cpp_type const& t) {
      return (t.of == cpp_type::kind::named || t.of == cpp_type::kind::open_enum) && t.name == name;
    };
    bool const nullable_itself = type && type->of == cpp_type::kind::optional && names_itself(*type->element);
    if (type && !names_itself(*type) && !nullable_itself) {  // a nullable struct stays optional where it is used
      type_def alias;
      alias.of = type_def::kind::alias;
      alias.name = name;
      alias.pointer = at;
      alias.aliased = type;
      out_.types.push_back(alias);
      type = named(name);
    }
    schema_types_[at] = type;
    return type;
  }

  static std::string last_token(std::string const& pointer) { return pointer.substr(pointer.rfind('/') + 1); }

  bool creates_named_type(node const& schema) const {
    if (!schema.is_object()) return false;
    bool const string_enum = schema.has("enum") && schema["type"].value() == boost::json::value("string");
    return string_enum || schema.has("properties") || (schema.has("allOf") && schema["allOf"].array().size() > 1);
  }

  // The type of `schema`; a struct or enum it needs is named `name` (already claimed if
  // `claimed`). Nothing if it cannot be expressed, with a note saying why.
  std::optional<cpp_type> translate(node const& schema, std::string const& name, bool claimed) {
    if (!schema.exists()) return std::nullopt;
    if (schema.value().is_bool()) {  // 3.1: true accepts anything
      note(schema.pointer(), "a schema of any value is not decoded");
      return std::nullopt;
    }
    if (schema.has("$ref")) return named_schema(schema.resolved());
    bool nullable = schema["nullable"].flag_or(false);
    std::string type;
    if (node const t = schema["type"]; t.exists()) {
      if (t.value().is_array()) {
        std::vector<std::string> kinds;
        t.for_each_element([&](node const& k) {
          if (k.text() == "null") nullable = true;
          else kinds.push_back(k.text());
        });
        if (kinds.size() > 1) {
          note(schema.pointer(), "a value of several types is not decoded");
          return std::nullopt;
        }
        if (!kinds.empty()) type = kinds.front();
      } else {
        type = t.text();
      }
    }
    auto finish = [&](std::optional<cpp_type> t) -> std::optional<cpp_type> {
      if (t && nullable) return optional_of(std::move(*t));
      return t;
    };
    if (schema.has("allOf")) {
      auto const parts = schema["allOf"].array().size();
      if (parts == 1 && !schema.has("properties")) return finish(translate(schema["allOf"].element(0), name, claimed));
      return finish(structure(schema, name, claimed));
    }
    for (char const* choice : {"oneOf", "anyOf"}) {
      if (!schema.has(choice)) continue;
      std::vector<node> alternatives;
      schema[choice].for_each_element([&](node const& a) {
        node const r = a.resolved();
        if (r.is_object() && r["type"].value() == boost::json::value("null")) nullable = true;
        else alternatives.push_back(a);
      });
      if (alternatives.size() == 1) return finish(translate(alternatives.front(), name, claimed));
      return finish(variant(schema, choice, alternatives, name));
    }
    if (schema.has("enum") && (type == "string" || type.empty())) {
      bool all_text = true;
      schema["enum"].for_each_element([&](node const& v) { all_text = all_text && v.value().is_string(); });
      if (all_text) return finish(enumeration(schema, name, claimed));
    }
    if (schema.has("pattern")) note(schema.pointer(), pattern_unchecked);
    if (schema.has("enum") && (type == "integer" || type == "number"))
      note(schema.pointer(), "its values (an enum of numbers) are not checked in a body");
    if (type == "string" && in_multipart_ && (schema["format"].text_or("") == "binary" || schema.has("contentMediaType")))
      return finish(make(cpp_type::kind::file));
    if (type == "string")
      return finish(make(schema["format"].text_or("") == "date-time" ? cpp_type::kind::timestamp : cpp_type::kind::text));
    if (type == "integer")
      return finish(make(schema["format"].text_or("") == "int32" ? cpp_type::kind::int32 : cpp_type::kind::int64));
    if (type == "number") return finish(make(cpp_type::kind::number));
    if (type == "boolean") return finish(make(cpp_type::kind::boolean));
    if (type == "array") {
      auto element = translate(schema["items"], name + "_item", false);
      if (!element) {
        note(schema.pointer(), "an array of elements that are not decoded");
        return std::nullopt;
      }
      return finish(wrap(cpp_type::kind::vector, *element));
    }
    if (type == "object" || schema.has("properties")) return finish(structure(schema, name, claimed));
    note(schema.pointer(), "a schema of any value is not decoded");
    return std::nullopt;
  }

  // A oneOf/anyOf of several schemas: a std::variant of their types, in the document's order, which
  // the JSON serializer decodes by the discriminator if there is one, else as the first that decodes.
  std::optional<cpp_type> variant(node const& schema, std::string const& choice, std::vector<node> const& alternatives,
                                  std::string const& name) {
    cpp_type v{cpp_type::kind::variant, {}, nullptr, {}};
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      std::optional<cpp_type> t = translate(alternatives[i], name + "_option" + std::to_string(i + 1), false);
      if (!t) {
        note(schema.pointer(), choice + ": an alternative is not decoded, so neither is the choice");
        return std::nullopt;
      }
      v.alternatives.push_back(std::move(*t));
    }
    if (schema.has("discriminator")) discriminate(schema, alternatives, v);
    return v;
  }

  // Gives each alternative struct the discriminator's property and its text: the mapping's key that
  // names its schema, else its component's name (OpenAPI's implicit mapping). An alternative that is
  // not a struct, or already named by another discriminator, leaves the choice undiscriminated.
  void discriminate(node const& schema, std::vector<node> const& alternatives, cpp_type const& v) {
    node const d = schema["discriminator"];
    std::string const property = d["propertyName"].text();
    std::vector<type_def*> structs;
    std::vector<std::string> values;
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
      type_def* found = nullptr;
      for (type_def& t : out_.types)
        if (v.alternatives[i].of == cpp_type::kind::named && t.name == v.alternatives[i].name &&
            t.of == type_def::kind::structure)
          found = &t;
      std::string const ref = alternatives[i]["$ref"].text_or("");
      if (found == nullptr || ref.empty()) {
        note(d.pointer(), "an alternative is not a named object, so the discriminator is not used: the first "
                          "alternative that decodes is taken");
        return;
      }
      std::string value = last_token(ref);
      d["mapping"].for_each_member([&](std::string_view key, node const& target) {
        if (target.text() == ref || target.text() == value) value = std::string(key);
      });
      bool const taken = (!found->discriminator_property.empty() &&
                          (found->discriminator_property != property || found->discriminator_value != value)) ||
                         std::find(values.begin(), values.end(), value) != values.end();
      if (taken) {
        note(d.pointer(), found->name + " is named otherwise elsewhere, so the discriminator is not used: the first "
                          "alternative that decodes is taken");
        return;
      }
      structs.push_back(found);
      values.push_back(value);
    }
    for (std::size_t i = 0; i < structs.size(); ++i) {
      structs[i]->discriminator_property = property;
      structs[i]->discriminator_value = values[i];
    }
  }

  std::optional<cpp_type> enumeration(node const& schema, std::string const& name, bool claimed) {
    type_def e;
    e.of = type_def::kind::enumeration;
    e.name = claimed ? name : scope_.claim(name, "type");
    e.pointer = schema.pointer();
    name_scope enumerators;
    enumerators.reserve("unknown");  // open_enum's value for text it does not know
    schema["enum"].for_each_element([&](node const& v) {
      std::string const text = v.text();
      if (std::find(e.wire_values.begin(), e.wire_values.end(), text) != e.wire_values.end()) return;
      e.enumerators.push_back(enumerators.claim(text.empty() ? "empty" : snake_case(text), "value"));
      e.wire_values.push_back(text);
    });
    out_.types.push_back(e);
    return cpp_type{cpp_type::kind::open_enum, e.name, nullptr, {}};
  }

  // The members of an object schema and of the schemas its allOf merges.
  void collect_members(node const& schema, std::vector<std::pair<std::string, node>>& properties,
                       std::set<std::string>& required, int depth) {
    node const s = schema.resolved();
    if (depth > 16) s.fail("allOf nests too deeply (a cycle?)");
    s["allOf"].for_each_element([&](node const& part) { collect_members(part, properties, required, depth + 1); });
    s["properties"].for_each_member([&](std::string_view key, node const& p) {
      auto same = [&](auto const& entry) { return entry.first == key; };
      auto const found = std::find_if(properties.begin(), properties.end(), same);
      if (found != properties.end()) found->second = p;  // a later part refines the property
      else properties.emplace_back(std::string(key), p);
    });
    s["required"].for_each_element([&](node const& r) { required.insert(r.text()); });
    if (s.has("additionalProperties") && s["additionalProperties"].value() != boost::json::value(false) &&
        s.has("properties"))
      note(s["additionalProperties"].pointer(), "additional properties are not kept");
    if (s.has("oneOf") || s.has("anyOf")) note(s.pointer(), "oneOf/anyOf inside allOf is not decoded (a struct has no member that is a choice among the fields merged into it)");
  }

  std::optional<cpp_type> structure(node const& schema, std::string const& name, bool claimed) {
    std::vector<std::pair<std::string, node>> properties;
    std::set<std::string> required;
    collect_members(schema, properties, required, 0);
    if (properties.empty()) {
      note(schema.pointer(), "a free-form object (or map) is read as apidecl's any_object: its members are not kept");
      return any_object();
    }
    std::size_t const index = out_.types.size();
    type_def s;
    s.of = type_def::kind::structure;
    s.name = claimed ? name : scope_.claim(name, "type");
    s.pointer = schema.pointer();
    out_.types.push_back(s);
    name_scope members;
    members.reserve("wire_names");
    members.reserve("form_encodings");
    std::vector<field_def> fields;
    for (auto const& [wire, property] : properties) {
      std::optional<cpp_type> type = translate(property, s.name + "_" + snake_case(wire), false);
      if (!type) {
        note(property.pointer(), "field '" + wire + "' is left out of " + s.name);
        continue;
      }
      if (required.count(wire) == 0) type = optional_of(std::move(*type));
      else if (type->of == cpp_type::kind::optional)  // std::optional is left out when empty, not sent as null
        note(property.pointer(), "field '" + wire + "' is required and nullable: it is optional in " + s.name +
                                     " (read absent or null, left out when empty)");
      fields.push_back({members.claim(snake_case(wire)), wire, std::move(*type)});
    }
    constexpr std::size_t describe_limit = 52;  // Boost.Describe's member list takes at most 52 names
    if (fields.size() > describe_limit) {
      note(schema.pointer(), s.name + " has " + std::to_string(fields.size()) + " fields; those after the first " +
                                 std::to_string(describe_limit) + " are left out");
      fields.resize(describe_limit);
    }
    out_.types[index].fields = std::move(fields);
    return named(out_.types[index].name);
  }

  cpp_type any_object() {
    if (!any_object_declared_) {
      type_def s;
      s.of = type_def::kind::structure;
      s.name = "any_object";
      s.summary = "A free-form JSON object: any object decodes, its members are not kept.";
      out_.types.push_back(s);
      any_object_declared_ = true;
    }
    return named("any_object");
  }

  // ---- parameters ---------------------------------------------------------------------------

  static bool looks_secret(std::string const& wire) {
    std::string const w = lower(wire);
    for (char const* word : {"secret", "token", "password", "apikey", "api-key", "api_key", "session"})
      if (w.find(word) != std::string::npos) return true;
    return false;
  }

  std::size_t add_parameter(parameter_def p, std::string const& operation) {
    std::string const id = p.identity();
    if (auto found = parameters_.find(id); found != parameters_.end()) return found->second;
    p.name = parameter_scope_.claim(snake_case(p.wire), operation);
    if (!p.one_of.empty()) p.values_name = parameter_scope_.claim(p.name + "_values", "list");
    p.keyword = scope_.claim(p.name, "arg");
    out_.parameters.push_back(p);
    return parameters_[id] = out_.parameters.size() - 1;
  }

  std::optional<parameter_def> read_parameter(node const& declared, std::string const& operation) {
    node const p = declared.resolved();
    parameter_def d;
    d.wire = p["name"].text();
    d.location = p["in"].text();
    std::string const where = "parameter '" + d.wire + "' (" + d.location + ")";
    if (d.location == "cookie") {
      note(p.pointer(), where + ": cookies are not sent by apidecl");
      return std::nullopt;
    }
    if (d.location != "path" && d.location != "query" && d.location != "header") p["in"].fail("unknown location");
    if (d.location == "header") {
      std::string const l = lower(d.wire);
      if (l == "accept" || l == "content-type" || l == "authorization") {
        note(p.pointer(), where + ": set by the library and the Auth policy, as OpenAPI says");
        return std::nullopt;
      }
    }
    bool const required = d.location == "path" || p["required"].flag_or(false);
    if (d.location == "path" && !p["required"].flag_or(false)) p["required"].fail("a path parameter must be required");
    node schema = p["schema"].resolved();
    if (!schema.exists()) {
      note(p.pointer(), where + ": described by 'content', taken as text");
    }
    if (schema["allOf"].exists() && schema["allOf"].array().size() == 1) schema = schema["allOf"].element(0).resolved();
    std::string type = schema["type"].value().is_string() ? schema["type"].text() : "";
    if (schema["type"].value().is_array()) {
      schema["type"].for_each_element([&](node const& t) {
        if (t.text() != "null") type = t.text();
      });
    }
    d.secret = looks_secret(d.wire);
    if (type == "integer") {
      d.value_type = schema["format"].text_or("") == "int32" ? "std::int32_t" : "std::int64_t";
      d.minimum = integer_bound(schema, "minimum", "exclusiveMinimum", p, where);
      d.maximum = integer_bound(schema, "maximum", "exclusiveMaximum", p, where);
      if (d.minimum && d.maximum && *d.minimum > *d.maximum) schema.fail(where + ": no integer lies within its bounds");
      schema["enum"].for_each_element([&](node const& v) { d.one_of.push_back(v.scalar_text()); });  // checked as text
      d.example = !d.one_of.empty() ? d.one_of.front()
                  : d.minimum       ? std::to_string(*d.minimum)
                  : d.maximum && *d.maximum < 1 ? std::to_string(*d.maximum)
                                                : "1";
    } else if (type == "boolean") {
      d.value_type = "bool";
      d.example = "true";
    } else {
      d.value_type = "std::string_view";
      if (!type.empty() && type != "string")
        note(p.pointer(), where + ": a parameter of type " + type + " is taken as text as it goes on the wire" +
                              (type == "array" ? " (one value: the caller joins the elements)" : ""));
      schema["enum"].for_each_element([&](node const& v) { d.one_of.push_back(v.scalar_text()); });
      if (schema.has("minLength")) d.min_length = static_cast<std::size_t>(schema["minLength"].value().to_number<double>());
      if (schema.has("maxLength")) d.max_length = static_cast<std::size_t>(schema["maxLength"].value().to_number<double>());
      if (schema.has("pattern")) note(p.pointer(), where + ": " + pattern_unchecked);
      std::string example = d.one_of.empty() ? "example" : d.one_of.front();
      if (d.min_length && example.size() < *d.min_length) example.append(*d.min_length - example.size(), 'x');
      if (d.max_length && example.size() > *d.max_length) example.resize(*d.max_length);
      if (example.empty() && d.min_length.value_or(0) > 0) example = std::string(*d.min_length, 'x');
      d.example = string_literal(example);
    }
    if (required) {
      d.presence = "required";
    } else if (schema.has("default")) {
      d.presence = "defaulted";
      node const v = schema["default"];
      if (d.value_type == "std::string_view") d.default_literal = string_literal(v.scalar_text());
      else if (d.value_type == "bool") d.default_literal = v.scalar_text() == "true" ? "true" : "false";
      else d.default_literal = v.scalar_text();
    } else {
      d.presence = "optional";
    }
    (void)operation;
    return d;
  }

  // The inclusive integer bound of `schema` on one side: `inclusive` (minimum), made exclusive by a
  // true `exclusive` (3.0), or `exclusive` as a number of its own (3.1), the tighter one if both.
  std::optional<long long> integer_bound(node const& schema, char const* inclusive, char const* exclusive,
                                         node const& parameter, std::string const& where) {
    bool const lower = std::string_view(inclusive) == "minimum";
    std::optional<double> bound;
    bool is_exclusive = false;
    if (schema.has(inclusive)) {
      bound = schema[inclusive].number();
      is_exclusive = schema[exclusive].exists() && schema[exclusive].value().is_bool() && schema[exclusive].value().get_bool();
    }
    if (schema.has(exclusive) && !schema[exclusive].value().is_bool()) {
      double const e = schema[exclusive].number();
      if (!bound || (lower ? e >= *bound : e <= *bound)) {
        bound = e;
        is_exclusive = true;
      }
    }
    if (!bound) return std::nullopt;
    // The nearest whole number inside the bound.
    double const whole = lower ? (is_exclusive ? std::floor(*bound) + 1 : std::ceil(*bound))
                               : (is_exclusive ? std::ceil(*bound) - 1 : std::floor(*bound));
    if (whole < -9.2e18 || whole > 9.2e18) {
      note(parameter.pointer(), where + ": its " + inclusive + " is beyond 64 bits and is not checked");
      return std::nullopt;
    }
    return static_cast<long long>(whole);
  }

  // The parameters of an operation: the path item's, replaced by the operation's of the same
  // name and location.
  std::vector<node> merged_parameters(node const& item, node const& op) {
    std::vector<node> merged;
    auto key = [](node const& p) {
      node const r = p.resolved();
      return r["name"].text() + "|" + r["in"].text();
    };
    item["parameters"].for_each_element([&](node const& p) { merged.push_back(p); });
    op["parameters"].for_each_element([&](node const& p) {
      auto const same = std::find_if(merged.begin(), merged.end(), [&](node const& m) { return key(m) == key(p); });
      if (same != merged.end()) *same = p;
      else merged.push_back(p);
    });
    return merged;
  }

  // ---- security -----------------------------------------------------------------------------

  void read_security_schemes(node const& root) {
    root["components"]["securitySchemes"].for_each_member([&](std::string_view key, node const& declared) {
      node const s = declared.resolved();
      std::string const type = s["type"].text();
      auth_def a;
      a.scheme = std::string(key);
      if (type == "http") {
        std::string const scheme = lower(s["scheme"].text());
        if (scheme == "bearer") a.of = auth_def::kind::bearer;
        else if (scheme == "basic") a.of = auth_def::kind::basic;
        else {
          note(s.pointer(), "security scheme '" + a.scheme + "': HTTP " + scheme + " authentication is not generated");
          return;
        }
      } else if (type == "apiKey") {
        std::string const in = s["in"].text();
        a.wire = s["name"].text();
        if (in == "header") {
          a.of = auth_def::kind::api_key_header;
        } else if (in == "query") {
          a.of = auth_def::kind::api_key_query;
          parameter_def d;
          d.wire = a.wire;
          d.location = "query";
          d.value_type = "std::string_view";
          d.presence = "optional";  // the Auth policy supplies it; an alternative scheme may apply instead
          d.secret = true;
          d.example = string_literal("key");
          a.parameter = add_parameter(d, snake_case(a.scheme));
        } else {
          note(s.pointer(), "security scheme '" + a.scheme + "': an API key in a " + in + " is not sent by apidecl");
          return;
        }
      } else if (type == "oauth2" || type == "openIdConnect") {
        a.of = auth_def::kind::bearer;
        a.note = "Obtaining the token (" + type + ") is not generated: give the access token.";
      } else {
        note(s.pointer(), "security scheme '" + a.scheme + "' of type " + type + " is not generated");
        return;
      }
      a.name = scope_.claim(snake_case(a.scheme) + "_auth", "policy");
      if (a.of == auth_def::kind::api_key_header) a.field = scope_.claim(snake_case(a.scheme) + "_field", "name");
      out_.auth.push_back(a);
    });
  }

  // The query parameters the security requirements of `op` need (API keys in the query).
  std::vector<std::size_t> security_parameters(node const& op) {
    node const requirements = op.has("security") ? op["security"] : root_of(document_)["security"];
    std::vector<std::size_t> found;
    requirements.for_each_element([&](node const& requirement) {
      requirement.for_each_member([&](std::string_view scheme, node const&) {
        for (auth_def const& a : out_.auth)
          if (a.scheme == scheme && a.of == auth_def::kind::api_key_query &&
              std::find(found.begin(), found.end(), a.parameter) == found.end())
            found.push_back(a.parameter);
      });
    });
    return found;
  }

  // ---- operations ---------------------------------------------------------------------------

  void read_operation(std::string const& path, std::string const& method, node const& item, node const& op) {
    operation_def o;
    o.name = operation_names_.at(op.pointer());
    o.http_method = method;
    o.method = method == "delete" ? "delete_" : method;
    o.path = path;
    o.summary = op["summary"].text_or("");
    if (method == "trace") {
      note(op.pointer(), "operation " + o.name + ": apidecl has no TRACE method; not generated");
      return;
    }
    if (op.has("callbacks")) note(op["callbacks"].pointer(), "operation " + o.name + ": callbacks are not generated");

    for (node const& declared : merged_parameters(item, op)) {
      std::optional<parameter_def> p = read_parameter(declared, o.name);
      if (!p) continue;
      if (p->location == "path") {
        std::string const placeholder = "{" + p->wire + "}";
        std::size_t const at = o.path.find(placeholder);
        if (at == std::string::npos) {
          declared.fail("path parameter '" + p->wire + "' has no {placeholder} in " + path);
        }
        bool const plain = std::all_of(p->wire.begin(), p->wire.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        });
        if (!plain) {  // a path parameter's name never reaches the wire, so it may be renamed
          std::string const renamed = snake_case(p->wire);
          note(declared.pointer(), "path parameter '" + p->wire + "' is named '" + renamed + "' (apidecl placeholders are letters, digits and _)");
          o.path.replace(at, placeholder.size(), "{" + renamed + "}");
          p->wire = renamed;
        }
      }
      o.parameters.push_back(add_parameter(*p, o.name));
    }
    for (std::size_t p : security_parameters(op))
      if (std::find(o.parameters.begin(), o.parameters.end(), p) == o.parameters.end()) o.parameters.push_back(p);

    if (op.has("requestBody") && !read_request_body(o, op["requestBody"].resolved())) return;

    // An operation may document no response (3.1): every status then arrives as unexpected_status.
    op["responses"].for_each_member([&](std::string_view code, node const& declared) {
      read_response(o, std::string(code), declared);
    });
    out_.operations.push_back(std::move(o));
  }

  // False if the operation cannot be generated without its body.
  bool read_request_body(operation_def& o, node const& body) {
    bool const required = body["required"].flag_or(false);
    std::string offered;
    std::optional<cpp_type> type;
    std::string media;
    body["content"].for_each_member([&](std::string_view declared_media, node const& content) {
      std::string const m(declared_media);
      offered += (offered.empty() ? "" : ", ") + m;
      if (type) return;
      std::string const l = lower(m.substr(0, m.find(';')));
      if (is_json_media(m)) media = "json";
      else if (l == "application/x-www-form-urlencoded") media = "form";
      else if (l == "multipart/form-data") media = "multipart_form_data";
      else if (l == "application/octet-stream") media = "octet_stream";
      else return;
      if (media == "octet_stream") {  // any bytes, whatever the schema says of them
        type = make(cpp_type::kind::text);
        return;
      }
      in_multipart_ = media == "multipart_form_data";  // a binary string is then a file part
      type = translate(content["schema"], o.name + "_request", false);
      in_multipart_ = false;
      if (type && media == "multipart_form_data" && !flat(*type)) {
        note(content.pointer(), "operation " + o.name + ": a multipart body that is not an object of scalars and files is not encoded");
        type.reset();
      }
      if (type && media == "form" && !form_body(*type, content, o.name)) type.reset();
      if (!type) media.clear();
    });
    if (!type && required) {
      note(body.pointer(), "operation " + o.name + ": request body (" + offered + ") is not supported; not generated");
      return false;
    }
    if (!type) {
      note(body.pointer(), "operation " + o.name + ": optional request body (" + offered + ") is left out");
      return true;
    }
    if (o.method != "post" && o.method != "put" && o.method != "patch") {
      note(body.pointer(), "operation " + o.name + ": a body on " + o.http_method + " has no meaning in HTTP; left out");
      return true;
    }
    if (!required)  // a descriptor's body is sent with every call
      note(body.pointer(), "operation " + o.name + ": its optional request body is always sent");
    o.body = type;
    o.body_media = media;
    return true;
  }

  // The type `t` names through aliases.
  cpp_type const& unaliased(cpp_type const& t) const {
    if (t.of != cpp_type::kind::named) return t;
    for (type_def const& d : out_.types)
      if (d.name == t.name && d.of == type_def::kind::alias) return unaliased(*d.aliased);
    return t;
  }

  // The struct `t` names (through aliases), if it names one.
  type_def* structure_of(cpp_type const& t) {
    cpp_type const& u = unaliased(t);
    if (u.of != cpp_type::kind::named) return nullptr;
    for (type_def& d : out_.types)
      if (d.name == u.name && d.of == type_def::kind::structure) return &d;
    return nullptr;
  }

  // `t` with one std::optional taken off.
  cpp_type const& unwrapped(cpp_type const& t) const {
    cpp_type const& u = unaliased(t);
    return u.of == cpp_type::kind::optional ? unaliased(*u.element) : u;
  }

  // Whether `t` is a scalar with a text spelling in a form or multipart body (a file only in a
  // multipart one; a number has none every reader agrees on).
  bool text_scalar(cpp_type const& t, bool multipart) const {
    switch (unaliased(t).of) {
      case cpp_type::kind::text:
      case cpp_type::kind::int32:
      case cpp_type::kind::int64:
      case cpp_type::kind::boolean:
      case cpp_type::kind::timestamp:
      case cpp_type::kind::open_enum: return true;
      case cpp_type::kind::file: return multipart;
      default: return false;
    }
  }

  // Whether a multipart body can carry `body`: a struct whose fields are scalars or files, each
  // possibly optional, repeated, or both.
  bool flat(cpp_type const& body) {
    type_def const* d = structure_of(body);
    return d != nullptr && std::all_of(d->fields.begin(), d->fields.end(), [&](field_def const& f) {
             cpp_type const& t = unwrapped(f.type);
             return text_scalar(t.of == cpp_type::kind::vector ? *t.element : t, true);
           });
  }

  // Whether a form can carry a field of type `t` (serializer/query_string.hpp): a scalar, a
  // vector of scalars or a struct of such fields, each possibly optional. `open` holds the structs
  // being looked at, so that a schema holding itself is refused rather than followed forever.
  bool form_field(cpp_type const& t, std::set<std::string>& open) {
    cpp_type const& u = unwrapped(t);
    if (u.of == cpp_type::kind::vector) return text_scalar(*u.element, false);
    type_def const* d = structure_of(u);
    if (d == nullptr) return text_scalar(u, false);
    if (!open.insert(d->name).second) return false;
    bool const carried = std::all_of(d->fields.begin(), d->fields.end(), [&](field_def const& f) { return form_field(f.type, open); });
    open.erase(d->name);
    return carried;
  }

  // The names a form body's fields take on the wire, those of structs in form style written as
  // their parent's (`city`), others nested (`home[city]`), for finding two fields of one name.
  void form_names(type_def const& d, std::string const& prefix, std::vector<std::string>& names) {
    for (field_def const& f : d.fields) {
      bool deep = !prefix.empty();
      for (form_encoding_def const& e : d.form_encodings) deep = deep || (e.member == f.member && e.deep_object);
      std::string const name = prefix.empty() ? f.wire : prefix + "[" + f.wire + "]";
      if (type_def const* inner = structure_of(unwrapped(f.type))) form_names(*inner, deep ? name : prefix, names);
      else names.push_back(name);
    }
  }

  // Whether the form body `body` can be encoded as `content` says (its `encoding`); if so, the
  // body struct declares the fields not in form style, exploded. Notes why not otherwise.
  bool form_body(cpp_type const& body, node const& content, std::string const& operation) {
    type_def* d = structure_of(body);
    std::set<std::string> open;
    if (d == nullptr || !form_field(body, open)) {
      note(content.pointer(), "operation " + operation + ": a form body other than an object of scalars, arrays of "
                                  "scalars and objects of those is not encoded");
      return false;
    }
    std::vector<form_encoding_def> encodings;
    bool expressed = true;
    content["encoding"].for_each_member([&](std::string_view property, node const& e) {
      auto const field = std::find_if(d->fields.begin(), d->fields.end(), [&](field_def const& f) { return f.wire == property; });
      if (field == d->fields.end()) return;  // a field left out, or none: nothing to write
      cpp_type const& t = unwrapped(field->type);
      bool const object = structure_of(t) != nullptr, array = t.of == cpp_type::kind::vector;
      std::string const style = e["style"].text_or("form");
      form_encoding_def const def{field->member, style == "deepObject", e["explode"].flag_or(style == "form")};
      std::string problem;
      if (e.has("contentType")) problem = "a form field with its own contentType";
      else if (style != "form" && style != "deepObject") problem = "the style " + style + " in a form";
      else if (def.deep_object && !object) problem = "deepObject for a field that is not an object";
      else if (!def.deep_object && !def.explode && !array) problem = "explode: false for a field that is not an array";
      if (!problem.empty()) {
        note(e.pointer(), "operation " + operation + ": " + problem + " is not encoded");
        expressed = false;
      } else if (object || array) {
        if (def.deep_object || !def.explode) encodings.push_back({def.member, def.deep_object, def.deep_object || def.explode});
      }
    });
    if (!expressed) return false;
    bool const decided = form_encoded_.count(d->name) != 0;
    if (decided && d->form_encodings != encodings) {
      note(content.pointer(), "operation " + operation + ": its form body's type is encoded otherwise by another operation");
      return false;
    }
    std::vector<form_encoding_def> const before = d->form_encodings;
    d->form_encodings = encodings;
    std::vector<std::string> names;
    form_names(*d, "", names);
    std::sort(names.begin(), names.end());
    if (auto twice = std::adjacent_find(names.begin(), names.end()); twice != names.end()) {
      note(content.pointer(), "operation " + operation + ": two fields of its form body are both named '" + *twice +
                                  "' on the wire (an object in form style writes its fields as its parent's)");
      d->form_encodings = before;
      return false;
    }
    form_encoded_.insert(d->name);
    return true;
  }

  void read_response(operation_def& o, std::string const& code, node const& declared) {
    node const r = declared.resolved();
    response_def d;
    std::string const where = "operation " + o.name + ", response " + code;
    bool const is_default = code == "default";
    if (!is_default) {
      bool const digits = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
      bool const range = code.size() == 3 && code[0] >= '1' && code[0] <= '5' && (code[1] == 'X' || code[1] == 'x') &&
                         (code[2] == 'X' || code[2] == 'x');  // "4XX": on_range<400, 499>
      if (range) {
        d.code = (code[0] - '0') * 100;
        d.last = d.code + 99;
      } else if (!digits || code < "100" || code > "599") {
        note(declared.pointer(), where + ": an odd status code is not expressible; it arrives as unexpected_status");
        return;
      } else {
        d.code = d.last = std::stoi(code);
      }
    }
    std::string other_media;
    r["content"].for_each_member([&](std::string_view media, node const& content) {
      if (d.body || !is_json_media(std::string(media))) {
        if (!d.body && d.media.empty()) other_media += (other_media.empty() ? "" : ", ") + std::string(media);
        return;
      }
      d.media = "json";
      d.body = translate(content["schema"], o.name + "_" + (is_default ? "default" : code), false);
      if (!d.body) note(content.pointer(), where + ": its body is not decoded");
    });
    if (!d.body) d.media.clear();
    if (!d.body && !other_media.empty() && d.media.empty())
      note(r["content"].pointer(), where + ": a body in " + other_media + " is not decoded");
    r["headers"].for_each_member([&](std::string_view name, node const&) {
      std::string const wire(name);
      if (lower(wire) == "content-type") return;
      auto same = [&](header_def const& h) { return h.wire == wire; };
      auto found = std::find_if(out_.headers.begin(), out_.headers.end(), same);
      if (found == out_.headers.end()) {
        out_.headers.push_back({header_scope_.claim(snake_case(wire), "header"), wire});
        found = out_.headers.end() - 1;
      }
      d.headers.push_back(static_cast<std::size_t>(found - out_.headers.begin()));
    });
    if (r.has("links")) note(r["links"].pointer(), where + ": links are not generated");
    if (is_default) o.default_response = d;
    else o.responses.push_back(d);
  }

  // ---- order --------------------------------------------------------------------------------

  // Puts the types in an order the compiler accepts: enums first, then each alias and struct after
  // what it needs complete (a member held by value or in an optional; an alias is needed whole
  // wherever it is named). A member that would make a struct contain itself is left out.
  void order_types() {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < out_.types.size(); ++i) index[out_.types[i].name] = i;
    std::vector<int> state(out_.types.size(), 0);  // 0 new, 1 in progress, 2 placed
    std::vector<type_def> ordered;
    for (type_def const& t : out_.types)
      if (t.of == type_def::kind::enumeration) ordered.push_back(t);
    std::function<void(std::size_t)> place = [&](std::size_t i) {
      if (state[i] != 0 || out_.types[i].of == type_def::kind::enumeration) return;
      state[i] = 1;
      type_def& t = out_.types[i];
      // Calls need(type) for every named type `t` needs complete (or declared, as an alias).
      auto needs = [&](cpp_type const& type, auto&& self, bool by_value) -> bool {
        if (type.of == cpp_type::kind::optional) return self(*type.element, self, by_value);
        if (type.of == cpp_type::kind::vector) return self(*type.element, self, false);
        if (type.of == cpp_type::kind::variant) {  // holds its alternatives by value
          for (cpp_type const& alternative : type.alternatives)
            if (!self(alternative, self, by_value)) return false;
          return true;
        }
        if (type.of != cpp_type::kind::named) return true;
        auto const found = index.find(type.name);
        if (found == index.end() || type.of == cpp_type::kind::open_enum) return true;  // enums come first
        bool const whole = by_value || out_.types[found->second].of == type_def::kind::alias;
        if (!whole) return true;
        if (state[found->second] == 1) return false;
        place(found->second);
        return true;
      };
      if (t.of == type_def::kind::alias) {
        if (!needs(*t.aliased, needs, false)) note(t.pointer, "alias " + t.name + " refers to itself");
      } else {
        std::vector<field_def> kept;
        for (field_def const& f : t.fields) {
          if (needs(f.type, needs, true)) kept.push_back(f);
          else note(t.pointer, "field '" + f.wire + "' of " + t.name + " would make it contain itself; left out");
        }
        t.fields = std::move(kept);
      }
      state[i] = 2;
      ordered.push_back(t);
    };
    for (std::size_t i = 0; i < out_.types.size(); ++i) place(i);
    out_.types = std::move(ordered);
  }

  source_document const& document_;
  api& out_;
  name_scope scope_;            // the API's namespace: types, endpoint objects, keywords, policies
  name_scope parameter_scope_;  // its params namespace
  name_scope header_scope_;     // its headers namespace
  std::map<std::string, std::string> component_names_;
  std::map<std::string, std::string> operation_names_;
  std::map<std::string, std::optional<cpp_type>> schema_types_;
  std::set<std::string> in_progress_;
  std::map<std::string, std::size_t> parameters_;
  bool any_object_declared_ = false;
  bool in_multipart_ = false;  // translating a multipart body's schema
  std::set<std::string> form_encoded_;  // the structs whose form_encodings a form body decided
};

}  // namespace

api read_api(source_document const& document, std::string namespace_name) {
  api out;
  std::string const& file = document.file;
  out.source = file.substr(file.find_last_of('/') == std::string::npos ? 0 : file.find_last_of('/') + 1);
  reader(document, out).read(std::move(namespace_name));
  return out;
}

}  // namespace apidecl_openapi
