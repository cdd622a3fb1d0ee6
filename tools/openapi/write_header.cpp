#include "write_header.hpp"

#include "identifiers.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace apidecl_openapi {

namespace {

class header_writer {
 public:
  explicit header_writer(api const& a) : api_(a), ns_(a.namespace_name + "::") {}

  std::string write() {
    preamble();
    out_ << "namespace " << api_.namespace_name << " {\n";
    types();
    parameters();
    response_headers();
    operations();
    keywords();
    auth();
    out_ << "\n/// Every endpoint of the document, for apidecl::openapi::document.\n"
         << "using all_endpoints = apidecl::openapi::endpoint_list<";
    for (std::size_t i = 0; i < api_.operations.size(); ++i)
      out_ << (i ? ",\n                                                       " : "") << "endpoints::"
           << api_.operations[i].name;
    out_ << ">;\n\n}  // namespace " << api_.namespace_name << "\n\n";
    out_ << "#if defined(__clang__) && __cplusplus < 202002L\n#pragma clang diagnostic pop\n#endif\n\n#endif\n";
    return out_.str();
  }

 private:
  void preamble() {
    out_ << "// " << comment_text(api_.title) << " " << comment_text(api_.version) << " (OpenAPI " << api_.openapi
         << "): the endpoints of " << api_.source << " as apidecl descriptors.\n"
         << "// Made by apidecl-openapi; do not edit, run it again.\n//\n";
    if (api_.unsupported.empty()) {
      out_ << "// Everything the document describes is expressed.\n";
    } else {
      out_ << "// Not expressed (the rest is):\n";
      for (unsupported_note const& n : api_.unsupported)
        out_ << "// - " << comment_text(n.pointer.empty() ? "/" : n.pointer) << ": " << comment_text(n.what) << "\n";
    }
    out_ << "//\n// A `default` response documents any status an operation does not list: it arrives as\n"
         << "// apidecl::unexpected_status, its body kept; the descriptor's default_response names its type.\n";
    std::string guard = "APIDECL_OPENAPI_" + api_.namespace_name + "_HPP";
    for (char& c : guard) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out_ << "#ifndef " << guard << "\n#define " << guard << "\n\n";
    for (char const* include : {"apidecl/auth/api_key.hpp", "apidecl/auth/basic_auth.hpp", "apidecl/auth/bearer_token.hpp",
                                "apidecl/core/constraint.hpp", "apidecl/core/endpoint.hpp", "apidecl/core/param.hpp",
                                "apidecl/core/response_header.hpp",
                                "apidecl/openapi/default_response.hpp", "apidecl/openapi/endpoint_list.hpp",
                                "apidecl/serializer/fields.hpp", "apidecl/serializer/form_encoding.hpp",
                                "apidecl/serializer/multipart.hpp",
                                "apidecl/serializer/text.hpp", "apidecl/types/enum_names.hpp",
                                "apidecl/types/open_enum.hpp", "apidecl/types/timestamp.hpp"})
      out_ << "#include <" << include << ">\n";
    out_ << "\n#include <boost/describe/class.hpp>\n\n";
    for (char const* include : {"array", "cstddef", "cstdint", "limits", "optional", "string", "string_view", "tuple", "variant", "vector"})
      out_ << "#include <" << include << ">\n";
    out_ << "\n// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic\n"
         << "// flags before C++20.\n"
         << "#if defined(__clang__) && __cplusplus < 202002L\n#pragma clang diagnostic push\n"
         << "#pragma clang diagnostic ignored \"-Wgnu-zero-variadic-macro-arguments\"\n#endif\n\n";
  }

  void types() {
    bool forward = false;
    for (type_def const& t : api_.types)
      if (t.of == type_def::kind::structure) {
        if (!forward) out_ << "\n";
        out_ << "struct " << t.name << ";\n";
        forward = true;
      }
    std::map<std::string, type_def const*> by_name;
    for (type_def const& t : api_.types) by_name[t.name] = &t;
    std::set<std::string> started;
    for (type_def const& t : api_.types) type_after_its_fields(t, by_name, started);
  }

  // Writes `t` after the types its fields hold: a member such as std::optional<std::vector<T>>
  // needs T complete where it is declared (C++20's constexpr std::optional instantiates its
  // destructor there). A cycle keeps the document's order, the forward declarations standing in.
  void type_after_its_fields(type_def const& t, std::map<std::string, type_def const*> const& by_name,
                             std::set<std::string>& started) {
    if (!started.insert(t.name).second) return;
    std::vector<std::string> held;
    for (field_def const& f : t.fields) named_types(f.type, held);
    if (t.aliased) named_types(*t.aliased, held);
    for (std::string const& name : held)
      if (auto found = by_name.find(name); found != by_name.end()) type_after_its_fields(*found->second, by_name, started);
    out_ << "\n";
    if (!t.summary.empty()) out_ << "/// " << comment_text(t.summary) << "\n";
    else if (!t.pointer.empty()) out_ << "/// " << comment_text(t.pointer) << "\n";
    if (t.of == type_def::kind::enumeration) enumeration(t);
    else if (t.of == type_def::kind::alias) out_ << "using " << t.name << " = " << t.aliased->spelling(ns_) << ";\n";
    else structure(t);
  }

  static void named_types(cpp_type const& type, std::vector<std::string>& names) {
    if (!type.name.empty()) names.push_back(type.name);
    if (type.element) named_types(*type.element, names);
    for (cpp_type const& alternative : type.alternatives) named_types(alternative, names);
  }

  void enumeration(type_def const& t) {
    out_ << "enum class " << t.name << " {";
    for (std::string const& e : t.enumerators) out_ << " " << e << ",";
    out_ << " unknown };\n"
         << "constexpr auto enum_names(" << t.name << ") noexcept {\n"
         << "  using e = " << t.name << ";\n  return std::array{";
    for (std::size_t i = 0; i < t.enumerators.size(); ++i)
      out_ << (i ? ",\n                    " : "") << "apidecl::enum_name{e::" << t.enumerators[i] << ", "
           << string_literal(t.wire_values[i]) << "}";
    out_ << "};\n}\n";
  }

  void structure(type_def const& t) {
    out_ << "struct " << t.name << " {\n";
    std::vector<field_def const*> renamed;
    for (field_def const& f : t.fields) {
      out_ << "  " << f.type.spelling(ns_) << " " << f.member << "{};\n";
      if (f.member != f.wire) renamed.push_back(&f);
    }
    if (!renamed.empty()) {
      out_ << "  static constexpr apidecl::wire_name wire_names[] = {";
      for (std::size_t i = 0; i < renamed.size(); ++i)
        out_ << (i ? ",\n                                                     " : "") << "{"
             << string_literal(renamed[i]->member) << ", " << string_literal(renamed[i]->wire) << "}";
      out_ << "};\n";
    }
    if (!t.form_encodings.empty()) {  // a form body's fields not in form style, exploded (form_encoding.hpp)
      out_ << "  static constexpr apidecl::form_encoding form_encodings[] = {";
      for (std::size_t i = 0; i < t.form_encodings.size(); ++i) {
        form_encoding_def const& e = t.form_encodings[i];
        out_ << (i ? ",\n                                                              " : "") << "{"
             << string_literal(e.member) << ", apidecl::form_style::" << (e.deep_object ? "deep_object" : "form")
             << (e.explode ? "" : ", false") << "}";
      }
      out_ << "};\n";
    }
    if (!t.discriminator_property.empty())  // an alternative of a discriminated oneOf (serializer/one_of.hpp)
      out_ << "  static constexpr std::string_view discriminator_property = " << string_literal(t.discriminator_property)
           << ";\n  static constexpr std::string_view discriminator_value = " << string_literal(t.discriminator_value)
           << ";\n";
    out_ << "};\nBOOST_DESCRIBE_STRUCT(" << t.name << ", (), (";
    for (std::size_t i = 0; i < t.fields.size(); ++i) out_ << (i ? ", " : "") << t.fields[i].member;
    out_ << "))\n";
  }

  void parameters() {
    if (api_.parameters.empty()) return;
    out_ << "\nnamespace params {\n";
    for (parameter_def const& p : api_.parameters) {
      std::string options;
      if (p.location != "path" && p.presence != "required") options += ", apidecl::" + p.presence;
      if (p.min_length || p.max_length)
        options += ", apidecl::length<" + std::to_string(p.min_length.value_or(0)) + ", " +
                   (p.max_length ? std::to_string(*p.max_length) : "std::numeric_limits<std::size_t>::max()") + ">";
      if (p.minimum || p.maximum)
        options += ", apidecl::range<" +
                   (p.minimum ? std::to_string(*p.minimum) : "std::numeric_limits<std::intmax_t>::min()") + ", " +
                   (p.maximum ? std::to_string(*p.maximum) : "std::numeric_limits<std::intmax_t>::max()") + ">";
      if (!p.one_of.empty()) {
        options += ", apidecl::one_of<" + p.values_name + ">";
        out_ << "struct " << p.values_name << " {\n  static constexpr std::string_view values[] = {";
        for (std::size_t i = 0; i < p.one_of.size(); ++i) out_ << (i ? ", " : "") << string_literal(p.one_of[i]);
        out_ << "};\n};\n";
      }
      if (p.secret) options += ", apidecl::secret";
      std::string const base = p.location == "path" ? "path_param" : p.location;
      out_ << "struct " << p.name << " : apidecl::" << base << "<" << p.value_type << options << "> {\n"
           << "  static constexpr std::string_view name = " << string_literal(p.wire) << ";\n";
      if (p.presence == "defaulted")
        out_ << "  static constexpr " << p.value_type << " default_value = " << p.default_literal << ";\n";
      out_ << "};\n";
    }
    out_ << "}  // namespace params\n";
  }

  void response_headers() {
    if (api_.headers.empty()) return;
    out_ << "\nnamespace headers {\n";
    for (header_def const& h : api_.headers)
      out_ << "struct " << h.name << " : apidecl::response_header<std::string> {\n"
           << "  static constexpr std::string_view name = " << string_literal(h.wire) << ";\n};\n";
    out_ << "}  // namespace headers\n";
  }

  std::string response_media(response_def const& r) const {
    if (!r.body) return "apidecl::no_content, apidecl::no_media";
    return r.body->spelling(ns_) + ", apidecl::" + r.media;
  }

  std::string response_headers_of(response_def const& r) const {
    std::string text;
    for (std::size_t h : r.headers) text += ", " + ns_ + "headers::" + api_.headers[h].name;
    return text;
  }

  void operations() {
    out_ << "\nnamespace endpoints {\n";
    for (operation_def const& o : api_.operations) {
      std::string method = o.http_method;
      for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out_ << "\n/// " << (o.summary.empty() ? "" : comment_text(o.summary) + ": ") << "`" << method << " "
           << comment_text(o.path) << "`\n"
           << "struct " << o.name << " {\n"
           << "  static constexpr apidecl::method method = apidecl::method::" << o.method << ";\n"
           << "  static constexpr std::string_view path = " << string_literal(o.path) << ";\n";
      if (!o.parameters.empty()) {
        out_ << "  using params = apidecl::params<";
        for (std::size_t i = 0; i < o.parameters.size(); ++i)
          out_ << (i ? ", " : "") << ns_ << "params::" << api_.parameters[o.parameters[i]].name;
        out_ << ">;\n";
      }
      if (o.body) out_ << "  using body = apidecl::request_body<" << o.body->spelling(ns_) << ", apidecl::" << o.body_media << ">;\n";
      out_ << "  using responses = apidecl::responses<";
      for (std::size_t i = 0; i < o.responses.size(); ++i) {
        response_def const& r = o.responses[i];
        out_ << (i ? ",\n                                       " : "");
        if (r.last != r.code) out_ << "apidecl::on_range<" << r.code << ", " << r.last << ", ";
        else out_ << "apidecl::on<" << r.code << ", ";
        out_ << response_media(r) << response_headers_of(r) << ">";
      }
      out_ << ">;\n";
      if (o.default_response)
        out_ << "  using default_response = apidecl::openapi::default_response<" << response_media(*o.default_response)
             << response_headers_of(*o.default_response) << ">;\n";
      out_ << "};\n";
    }
    out_ << "\n}  // namespace endpoints\n\n";
    for (operation_def const& o : api_.operations)
      out_ << "inline constexpr endpoints::" << o.name << " " << o.name << "{};\n";
  }

  void keywords() {
    if (api_.parameters.empty()) return;
    out_ << "\n";
    for (parameter_def const& p : api_.parameters)
      out_ << "inline constexpr apidecl::keyword<params::" << p.name << "> " << p.keyword << "{};\n";
  }

  // Each scheme's policy is one of the library's (auth/bearer_token.hpp, basic_auth.hpp, api_key.hpp).
  void auth() {
    for (auth_def const& a : api_.auth) {
      out_ << "\n/// Security scheme '" << comment_text(a.scheme) << "': ";
      switch (a.of) {
        case auth_def::kind::bearer:
          out_ << "`Authorization: Bearer <token>`." << (a.note.empty() ? "" : " " + comment_text(a.note)) << "\n"
               << "using " << a.name << " = apidecl::bearer_token;\n";
          break;
        case auth_def::kind::basic:
          out_ << "`Authorization: Basic <user:password in base64>`.\n"
               << "using " << a.name << " = apidecl::basic_auth;\n";
          break;
        case auth_def::kind::api_key_header:
          out_ << "the key in the header field " << comment_text(a.wire) << ".\n"
               << "struct " << a.field << " {\n  static constexpr std::string_view name = " << string_literal(a.wire)
               << ";\n};\n"
               << "using " << a.name << " = apidecl::api_key_in_header<" << a.field << ">;\n";
          break;
        case auth_def::kind::api_key_query:
          out_ << "the key in the query parameter " << comment_text(a.wire) << " of every call that declares it.\n"
               << "using " << a.name << " = apidecl::api_key_in_query<params::" << api_.parameters[a.parameter].name
               << ">;\n";
          break;
      }
    }
  }

  api const& api_;
  std::string ns_;
  std::ostringstream out_;
};

}  // namespace

std::string write_header(api const& a) { return header_writer(a).write(); }

}  // namespace apidecl_openapi
