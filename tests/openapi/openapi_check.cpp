// Checks an OpenAPI document that apidecl::openapi::document made:
//
//   openapi_check structure <exported.json>
//     every $ref resolves and every operation documents its responses;
//   openapi_check round-trip <source document> <exported.json>
//     that, and each operation of the source is in the export with the same method, path (up to
//     the names of its placeholders), parameters (name, location, required, the shape of their
//     schema, an integer's bounds), whether its request body is required, statuses, and the
//     shapes of its JSON, form, multipart and octet-stream bodies (an object's field names, which
//     are required and the shape of each, an array's items, the values of a string or integer
//     enum, a string's pattern, a oneOf/anyOf's alternatives in order and its discriminator's
//     property, the type of anything else), a form body's style for each object and array
//     field (its Encoding Object), unless the generator listed the difference as
//     unsupported (a note at or under the JSON pointer of what differs).
//
// Prints each problem and exits non-zero if there is one.
#include "read_api.hpp"
#include "source_document.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using apidecl_openapi::node;

int problems = 0;

void problem(std::string const& text) {
  ++problems;
  std::cout << "problem: " << text << "\n";
}

void check_refs(boost::json::value const& root, boost::json::value const& v, std::string const& at) {
  if (auto const* object = v.if_object()) {
    for (auto const& member : *object) {
      std::string const key(member.key());
      if (key == "$ref") {
        boost::json::error_code ec;
        std::string const target(member.value().as_string());
        if (target.rfind("#", 0) != 0 || root.find_pointer(target.substr(1), ec) == nullptr)
          problem(at + ": $ref " + target + " does not resolve");
      } else {
        check_refs(root, member.value(), at + "/" + apidecl_openapi::pointer_token(key));
      }
    }
  } else if (auto const* array = v.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) check_refs(root, (*array)[i], at + "/" + std::to_string(i));
  }
}

void check_structure(apidecl_openapi::source_document const& exported) {
  node const root = apidecl_openapi::root_of(exported);
  if (root["openapi"].text() != "3.1.0") problem("openapi is not 3.1.0");
  root["info"]["title"].text();
  check_refs(exported.root, exported.root, "");
  int operations = 0;
  root["paths"].for_each_member([&](std::string_view, node const& item) {
    item.for_each_member([&](std::string_view, node const& op) {
      ++operations;
      if (!op["responses"].is_object()) problem(op.pointer() + ": no responses");
    });
  });
  std::cout << operations << " operations, structure checked\n";
}

// A path with its placeholders' names left out: /pets/{} for /pets/{petId}.
std::string path_shape(std::string const& path) {
  std::string shape;
  bool inside = false;
  for (char c : path) {
    if (c == '{') inside = true;
    if (!inside) shape += c;
    if (c == '}') {
      inside = false;
      shape += "{}";
    }
  }
  return shape;
}

std::vector<std::string> operation_pointers_of(node const& root, std::string const& shape, std::string const& method) {
  std::vector<std::string> found;
  root["paths"].for_each_member([&](std::string_view path, node const& item) {
    if (path_shape(std::string(path)) == shape && item.has(method)) found.push_back(item[method].pointer());
  });
  return found;
}

class round_trip {
 public:
  round_trip(apidecl_openapi::source_document const& source, apidecl_openapi::source_document const& exported)
      : source_(source), exported_(exported) {
    for (auto const& note : apidecl_openapi::read_api(source, "").unsupported) notes_.push_back(note.pointer);
  }

  void run() {
    node const root = apidecl_openapi::root_of(source_);
    int compared = 0;
    root["paths"].for_each_member([&](std::string_view path, node const& declared_item) {
      node const item = declared_item.resolved();
      for (char const* method : {"get", "put", "post", "delete", "options", "head", "patch", "trace"}) {
        if (!item.has(method)) continue;
        ++compared;
        compare(std::string(path), method, item, item[method]);
      }
    });
    std::cout << compared << " operations compared\n";
  }

 private:
  // Whether the generator listed what differs at `pointer`, or at one of `also`.
  bool listed(std::string const& pointer, std::vector<std::string> const& also = {}) const {
    for (std::string const& note : notes_) {
      if (note.rfind(pointer, 0) == 0) return true;
      for (std::string const& other : also)
        if (note.rfind(other, 0) == 0) return true;
    }
    return false;
  }

  void compare(std::string const& path, std::string const& method, node const& item, node const& op) {
    auto const found = operation_pointers_of(apidecl_openapi::root_of(exported_), path_shape(path), method);
    std::string const what = method + " " + path;
    if (found.empty()) {
      if (!listed(op.pointer())) problem(what + ": missing from the export, not listed as unsupported");
      return;
    }
    node const mirror = exported_at(found.front());
    compare_parameters(what, item, op, mirror);
    compare_statuses(what, op, mirror);
    compare_body(what + " request body", op["requestBody"].resolved(), mirror["requestBody"]);
    node const body = op["requestBody"].resolved();
    if (body.exists() && mirror["requestBody"].exists() &&
        body["required"].flag_or(false) != mirror["requestBody"]["required"].flag_or(false) && !listed(body.pointer()))
      problem(what + ": its request body is " + (body["required"].flag_or(false) ? "required" : "optional") +
              " in the document only, not listed as unsupported");
    op["responses"].for_each_member([&](std::string_view code, node const& r) {
      if (mirror["responses"].has(code))
        compare_body(what + " status " + std::string(code), r.resolved(), mirror["responses"][code]);
    });
  }

  // Whether the integer `value` is within the bounds of `schema`: minimum and maximum, made
  // exclusive by a true exclusiveMinimum/exclusiveMaximum (3.0), or those as numbers (3.1).
  static bool allows(node const& schema, long long value) {
    double const v = static_cast<double>(value);
    auto const flag = [&](char const* key) { return schema[key].exists() && schema[key].value().is_bool() && schema[key].value().get_bool(); };
    auto const number = [&](char const* key) { return schema[key].exists() && !schema[key].value().is_bool(); };
    if (schema.has("minimum") && (flag("exclusiveMinimum") ? v <= schema["minimum"].number() : v < schema["minimum"].number())) return false;
    if (schema.has("maximum") && (flag("exclusiveMaximum") ? v >= schema["maximum"].number() : v > schema["maximum"].number())) return false;
    if (number("exclusiveMinimum") && v <= schema["exclusiveMinimum"].number()) return false;
    if (number("exclusiveMaximum") && v >= schema["exclusiveMaximum"].number()) return false;
    return true;
  }

  // An integer's bounds in the export (inclusive) admit exactly the integers the source's admit:
  // the export's minimum is allowed and the integer below it is not, and likewise the maximum.
  void compare_bounds(std::string const& what, node const& schema, node const& mirror) {
    if (shape_of(schema).type != "integer") return;
    bool const source_lower = schema.has("minimum") || (schema.has("exclusiveMinimum") && !schema["exclusiveMinimum"].value().is_bool());
    bool const source_upper = schema.has("maximum") || (schema.has("exclusiveMaximum") && !schema["exclusiveMaximum"].value().is_bool());
    auto const check = [&](char const* key, bool declared, long long inward) {
      if (!mirror.has(key)) {
        if (declared) problem(what + ": its " + key + " is missing from the export, not listed as unsupported");
        return;
      }
      auto const bound = static_cast<long long>(mirror[key].number());
      if (!declared || !allows(schema, bound) || allows(schema, bound - inward))
        problem(what + ": the export's " + key + " " + std::to_string(bound) + " is not the document's");
    };
    check("minimum", source_lower, 1);
    check("maximum", source_upper, -1);
  }

  // ---- schema shapes ------------------------------------------------------------------------

  // The schema of the body the generator reads of `content`: JSON's, else the first of a form,
  // multipart or octet-stream body; none if none of those.
  static node body_schema(node const& content) {
    std::optional<node> chosen;
    content.for_each_member([&](std::string_view media, node const& m) {
      bool const json = media == "application/json" || media.find("+json") != std::string_view::npos;
      bool const other = media == "application/x-www-form-urlencoded" || media == "multipart/form-data" ||
                         media == "application/octet-stream";
      if (!chosen || (json && media == "application/json")) {
        if (json || other) chosen = m["schema"];
      }
    });
    return chosen ? *chosen : content["schema"];  // a missing node
  }

  void compare_body(std::string const& what, node const& declared, node const& mirror) {
    if (!declared.exists()) return;
    node const schema = body_schema(declared["content"]);
    if (!schema.exists()) return;
    node const exported = body_schema(mirror["content"]);
    if (!exported.exists()) {
      if (!listed(declared.pointer(), {schema.pointer(), schema.resolved().pointer()}))
        problem(what + ": its body is missing from the export, not listed as unsupported");
      return;
    }
    compared_.clear();
    compare_schema(what, schema, exported);
    node const form = declared["content"]["application/x-www-form-urlencoded"];
    if (form.exists() && form["schema"].pointer() == schema.pointer())
      compare_form_encoding(what, form, mirror["content"]["application/x-www-form-urlencoded"]);
  }

  // The style of a form body's property as its Encoding Object gives it: OpenAPI's defaults (form,
  // exploded when form) where it says nothing; deepObject has only the exploded spelling.
  static std::string form_style_of(node const& content, std::string const& property) {
    node const e = content["encoding"][property];
    std::string const style = e["style"].text_or("form");
    if (style == "deepObject") return style;
    return style + (e["explode"].flag_or(style == "form") ? ", exploded" : ", not exploded");
  }

  // Each object or array property of a form body is written in the same style in the export.
  void compare_form_encoding(std::string const& what, node const& content, node const& mirror) {
    shape const body = shape_of(content["schema"]);
    for (auto const& [name, field] : body.fields) {
      std::string const type = shape_of(field).type;
      if (type != "object" && type != "array") continue;
      std::string const source = form_style_of(content, name), exported = form_style_of(mirror, name);
      if (source != exported && !listed(content.pointer(), {content["encoding"][name].pointer()}))
        problem(what + ": form field " + name + " is written " + source + " in the document, " + exported +
                " in the export, not listed as unsupported");
    }
  }

  // A schema as the comparison sees it: its `$ref`s followed, `allOf` merged into one object, a
  // `oneOf`/`anyOf` of one schema and null taken as that schema, null left out of a type list.
  struct shape {
    std::string type;                      ///< object, array, string, integer, number, boolean, or any
    std::string pointer;                   ///< where it is declared
    std::map<std::string, node> fields;    ///< an object's, by wire name
    std::optional<node> items;             ///< an array's
    std::set<std::string> values;          ///< a string or integer enum's (enum or x-extensible-enum)
    std::string pattern;                   ///< a string's
    std::set<std::string> required;        ///< an object's required fields
    std::vector<node> alternatives;        ///< a oneOf/anyOf's, null left out, if several
    std::string discriminator;             ///< a oneOf/anyOf's discriminator property
  };

  static shape shape_of(node const& declared) {
    node const s = declared.resolved();
    shape out;
    out.pointer = s.pointer();
    if (!s.is_object()) return out.type = "any", out;
    for (char const* choice : {"oneOf", "anyOf"}) {
      if (!s.has(choice)) continue;
      std::vector<node> kept;
      s[choice].for_each_element([&](node const& c) {
        node const r = c.resolved();
        if (!(r.is_object() && r["type"].exists() && r["type"].value().is_string() && r["type"].text() == "null"))
          kept.push_back(c);
      });
      if (kept.size() == 1) {
        shape inner = shape_of(kept.front());
        inner.pointer = out.pointer;
        return inner;
      }
      out.type = "choice";
      out.alternatives = kept;
      out.discriminator = s["discriminator"]["propertyName"].text_or("");
      return out;
    }
    if (s["type"].exists() && s["type"].value().is_string()) out.type = s["type"].text();
    if (s["type"].exists() && s["type"].value().is_array())
      s["type"].for_each_element([&](node const& t) {
        if (t.value().is_string() && t.text() != "null") out.type = t.text();
      });
    if (s.has("allOf")) {
      out.type = "object";
      s["allOf"].for_each_element([&](node const& part) {
        shape const merged = shape_of(part);
        for (auto& [name, field] : merged.fields) out.fields.emplace(name, field);
        out.required.insert(merged.required.begin(), merged.required.end());
      });
    }
    if (out.type.empty()) out.type = s.has("properties") ? "object" : s.has("items") ? "array" : s.has("enum") ? "string" : "any";
    s["properties"].for_each_member([&](std::string_view name, node const& f) { out.fields.emplace(std::string(name), f); });
    s["required"].for_each_element([&](node const& r) { out.required.insert(r.text()); });
    if (s.has("items")) out.items = s["items"];
    if (out.type == "string" || out.type == "integer")
      for (char const* values : {"enum", "x-extensible-enum"})
        s[values].for_each_element([&](node const& v) { out.values.insert(v.scalar_text()); });
    if (out.type == "string") out.pattern = s["pattern"].text_or("");
    return out;
  }

  // Whether a note of the generator is about `pointer` itself (not something under it).
  bool noted_at(std::string const& pointer) const {
    for (std::string const& note : notes_)
      if (note == pointer) return true;
    return false;
  }

  void compare_schema(std::string const& what, node const& declared, node const& mirror) {
    shape const source = shape_of(declared);
    shape const exported = shape_of(mirror);
    if (!compared_.insert(source.pointer + " " + exported.pointer).second) return;  // a type holding itself
    auto const differs = [&](std::string const& how) {
      if (!listed(declared.pointer(), {source.pointer}))
        problem(what + " (" + source.pointer + "): " + how + ", not listed as unsupported");
    };
    if (source.type == "any") return;  // a free-form value
    if (source.type != exported.type) return differs(source.type + " in the document, " + exported.type + " in the export");
    if (source.type == "choice") {  // the same alternatives in the same order, and the same discriminator
      if (source.alternatives.size() != exported.alternatives.size()) return differs("its alternatives differ in number");
      if (source.discriminator != exported.discriminator) return differs("its discriminator differs");
      for (std::size_t i = 0; i < source.alternatives.size(); ++i)
        compare_schema(what + "|" + std::to_string(i), source.alternatives[i], exported.alternatives[i]);
      return;
    }
    if ((source.type == "string" || source.type == "integer") && source.values != exported.values)
      return differs("its enum's values differ");
    if (source.pattern != exported.pattern) return differs("its pattern differs");
    if (source.type == "array") {
      if (source.items && exported.items) compare_schema(what + "[]", *source.items, *exported.items);
      return;
    }
    if (source.type != "object") return;
    for (auto const& [name, field] : source.fields) {
      auto const mirrored = exported.fields.find(name);
      if (mirrored != exported.fields.end()) {
        if (source.required.count(name) != exported.required.count(name) &&
            !listed(field.pointer(), {field.resolved().pointer()}))
          problem(what + " (" + source.pointer + "): field " + name + " is " +
                  (source.required.count(name) ? "required in the document, optional in the export"
                                               : "optional in the document, required in the export") +
                  ", not listed as unsupported");
        compare_schema(what + "." + name, field, mirrored->second);
      } else if (!listed(field.pointer(), {field.resolved().pointer()}) && !noted_at(source.pointer)) {
        problem(what + " (" + source.pointer + "): field " + name + " is missing from the export, not listed as unsupported");
      }
    }
    for (auto const& [name, field] : exported.fields)
      if (source.fields.count(name) == 0) problem(what + " (" + source.pointer + "): field " + name + " is in the export only");
  }

  node exported_at(std::string const& pointer) const {
    boost::json::error_code ec;
    return node(exported_, exported_.root.find_pointer(pointer, ec), pointer);
  }

  void compare_parameters(std::string const& what, node const& item, node const& op, node const& mirror) {
    std::set<std::string> exported;
    std::map<std::string, node> exported_schemas;
    mirror["parameters"].for_each_element([&](node const& p) {
      std::string const key = p["name"].text() + " in " + p["in"].text() + (p["required"].flag_or(false) ? " required" : "");
      exported.insert(key);
      exported_schemas.emplace(key, p["schema"]);
    });
    std::set<std::string> declared;
    auto one = [&](node const& p_declared) {
      node const p = p_declared.resolved();
      std::string const key =
          p["name"].text() + " in " + p["in"].text() + (p["required"].flag_or(false) ? " required" : "");
      if (declared.count(key) != 0) return;
      declared.insert(key);
      if (exported.erase(key) == 0) {
        if (!listed(p_declared.pointer(), {p.pointer()}))
          problem(what + ": parameter " + key + " differs in the export, not listed as unsupported");
      } else if (p.has("schema") && !listed(p_declared.pointer(), {p.pointer()})) {
        compared_.clear();
        compare_schema(what + " parameter " + key, p["schema"], exported_schemas.at(key));
        compare_bounds(what + " parameter " + key, p["schema"].resolved(), exported_schemas.at(key));
      }
    };
    op["parameters"].for_each_element(one);
    item["parameters"].for_each_element(one);
    for (std::string const& extra : exported) {
      bool const from_security = extra.find(" in query") != std::string::npos && listed_security_parameter(extra);
      if (!from_security) problem(what + ": parameter " + extra + " is in the export only");
    }
  }

  // An API key in the query: the generator declares it on the operations its scheme covers.
  bool listed_security_parameter(std::string const& key) const {
    bool found = false;
    apidecl_openapi::root_of(source_)["components"]["securitySchemes"].for_each_member(
        [&](std::string_view, node const& s) {
          if (s["type"].text_or("") == "apiKey" && s["in"].text_or("") == "query" &&
              key.rfind(s["name"].text() + " in query", 0) == 0)
            found = true;
        });
    return found;
  }

  void compare_statuses(std::string const& what, node const& op, node const& mirror) {
    std::set<std::string> exported;
    mirror["responses"].for_each_member([&](std::string_view code, node const&) { exported.insert(std::string(code)); });
    op["responses"].for_each_member([&](std::string_view code, node const& r) {
      if (exported.erase(std::string(code)) == 0 && !listed(r.pointer()))
        problem(what + ": status " + std::string(code) + " is missing from the export, not listed as unsupported");
    });
    for (std::string const& extra : exported) problem(what + ": status " + extra + " is in the export only");
  }

  apidecl_openapi::source_document const& source_;
  apidecl_openapi::source_document const& exported_;
  std::vector<std::string> notes_;
  std::set<std::string> compared_;  // the pairs of schemas compared for the body at hand
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> const args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && args[0] == "structure") {
      check_structure(apidecl_openapi::load_document(args[1]));
    } else if (args.size() == 3 && args[0] == "round-trip") {
      auto const source = apidecl_openapi::load_document(args[1]);
      auto const exported = apidecl_openapi::load_document(args[2]);
      check_structure(exported);
      round_trip(source, exported).run();
    } else {
      std::cerr << "usage: openapi_check structure <exported.json> | round-trip <document> <exported.json>\n";
      return 2;
    }
  } catch (apidecl_openapi::malformed_document const& e) {
    problem(e.what());
  }
  return problems == 0 ? 0 : 1;
}
