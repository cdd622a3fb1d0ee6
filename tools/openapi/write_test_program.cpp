#include "write_test_program.hpp"

#include "identifiers.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <algorithm>
#include <map>
#include <sstream>

namespace apidecl_openapi {

namespace {

std::string json_string(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

// RFC 3986 percent-encoding, as apidecl writes a path value.
std::string percent_encoded(std::string_view text) {
  static char const hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    unsigned char const byte = static_cast<unsigned char>(c);
    bool const unreserved = std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) out += c;
    else out += {'%', hex[byte >> 4], hex[byte & 15]};
  }
  return out;
}

// The text of a C++ literal written by the reader: a string literal's content, or the digits.
std::string literal_text(std::string const& literal) {
  if (literal.empty() || literal.front() != '"') return literal;
  std::string text;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] == '\\' && literal[i + 1] == 'x') {
      text += static_cast<char>(std::stoi(literal.substr(i + 2, 2), nullptr, 16));
      i += 5;  // \xHH""
    } else if (literal[i] == '\\') {
      text += literal[++i];
    } else {
      text += literal[i];
    }
  }
  return text;
}

class test_program_writer {
 public:
  test_program_writer(api const& a, std::string const& header) : api_(a), header_(header), ns_(a.namespace_name + "::") {
    for (type_def const& t : a.types) types_[t.name] = &t;
  }

  std::string write() {
    out_ << "// Calls every operation of " << comment_text(api_.title)
         << " through apidecl::mock_transport, once per documented status.\n"
         << "// Made by apidecl-openapi; do not edit, run it again.\n"
         << "#include \"" << header_ << "\"\n\n"
         << "#include <apidecl/client/client.hpp>\n#include <apidecl/openapi/document.hpp>\n"
         << "#include <apidecl/serializer/boost_json.hpp>\n#include <apidecl/serializer/multipart.hpp>\n"
         << "#include <apidecl/serializer/query_string.hpp>\n#include <apidecl/serializer/text.hpp>\n"
         << "#include <apidecl/transport/mock.hpp>\n\n#include <cstdio>\n#include <string>\n#include <string_view>\n\n"
         << "namespace {\n\nint failures = 0;\n\n"
         << "// Whether the call ended as `status` documents, with `method` and `path` on its request.\n"
         << "template <class Result>\n"
         << "void expect(Result const& r, int status, bool documented, apidecl::mock_transport const& http,\n"
         << "            apidecl::method method, std::string_view path, char const* operation) {\n"
         << "  bool const as_documented = documented ? r.failure_if() == nullptr && r.unexpected_if() == nullptr\n"
         << "                                        : r.unexpected_if() != nullptr;\n"
         << "  bool const sent = !http.requests().empty() && http.requests().back().method == method &&\n"
         << "                    http.requests().back().path() == path;\n"
         << "  if (as_documented && sent && r.http_status() == status) return;\n"
         << "  ++failures;\n"
         << "  std::string why;\n"
         << "  if (auto const* f = r.failure_if()) why = f->message();\n"
         << "  std::fprintf(stderr, \"%s, status %d: ended with status %d%s%s; sent %s\\n\", operation, status,\n"
         << "               r.http_status(), why.empty() ? \"\" : \": \", why.c_str(),\n"
         << "               http.requests().empty() ? \"nothing\" : http.requests().back().request_line().c_str());\n"
         << "}\n\n}  // namespace\n\n"
         << "int main(int argc, char** argv) {\n"
         << "  apidecl::mock_transport http;\n"
         << "  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{}, apidecl::query_string_serializer{},\n"
         << "                                 apidecl::multipart_serializer{}, apidecl::octet_serializer{}"
         << auth_argument() << ");\n";
    int calls = 0;
    for (operation_def const& o : api_.operations) calls += operation(o);
    if (api_.operations.empty()) out_ << "  (void)api;\n";
    credential_check();
    out_ << "\n  if (argc > 1) {\n"
         << "    std::string const document = apidecl::openapi::document(" << ns_ << "all_endpoints{}, {"
         << string_literal(api_.title) << ", " << string_literal(api_.version) << "});\n"
         << "    std::FILE* file = std::fopen(argv[1], \"wb\");\n"
         << "    if (file == nullptr || std::fwrite(document.data(), 1, document.size(), file) != document.size()) ++failures;\n"
         << "    if (file != nullptr) std::fclose(file);\n  }\n"
         << "  std::printf(\"" << api_.operations.size() << " operations, " << calls
         << " calls: %d not as documented\\n\", failures);\n"
         << "  return failures == 0 ? 0 : 1;\n}\n";
    return out_.str();
  }

 private:
  std::string auth_argument() const {
    if (api_.auth.empty()) return "";
    auth_def const& a = api_.auth.front();
    if (a.of == auth_def::kind::basic) return ", " + ns_ + a.name + "{\"user\", \"password\"}";
    return ", " + ns_ + a.name + "{\"secret\"}";
  }

  // Checks that every request carried the header field of the Auth policy, if it adds one (an
  // API key in the query goes only to the operations that declare it, and is checked by them).
  void credential_check() {
    if (api_.auth.empty()) return;
    auth_def const& a = api_.auth.front();
    std::string field = "Authorization", value;
    switch (a.of) {
      case auth_def::kind::bearer: value = "Bearer secret"; break;
      case auth_def::kind::basic: value = "Basic dXNlcjpwYXNzd29yZA=="; break;  // user:password
      case auth_def::kind::api_key_header: field = a.wire, value = "secret"; break;
      case auth_def::kind::api_key_query: return;
    }
    out_ << "  for (auto const& sent : http.requests())\n"
         << "    if (sent.header(" << string_literal(field) << ") != " << string_literal(value) << ") {\n"
         << "      ++failures;\n"
         << "      std::fprintf(stderr, \"%s: sent without the Auth policy's field\\n\", sent.request_line().c_str());\n"
         << "    }\n";
  }

  bool supplied_by_auth(std::size_t parameter) const {
    return !api_.auth.empty() && api_.auth.front().of == auth_def::kind::api_key_query &&
           api_.auth.front().parameter == parameter;
  }

  // Calls `o` once per status; returns how many calls.
  int operation(operation_def const& o) {
    std::string arguments;
    std::string path = o.path;
    for (std::size_t index : o.parameters) {
      parameter_def const& p = api_.parameters[index];
      if (p.location == "path") {
        std::string const placeholder = "{" + p.wire + "}";
        path.replace(path.find(placeholder), placeholder.size(), percent_encoded(literal_text(p.example)));
      }
      if (!supplied_by_auth(index)) arguments += ", " + ns_ + p.keyword + " = " + p.example;
    }
    if (o.body) arguments += ", apidecl::body = " + o.body->spelling(ns_) + "{}";
    out_ << "  {  // " << o.name << "\n"
         << "    auto const call = [&] { return api.call(" << ns_ << o.name << arguments << "); };\n";
    std::string const check_tail = ", http, apidecl::method::" + o.method + ", " + string_literal(path) + ", " +
                                   string_literal(o.name) + ");\n";
    int calls = 0;
    for (response_def const& r : o.responses) {
      out_ << "    http.respond(" << r.code << ", " << body_literal(r) << ");\n"
           << "    expect(call(), " << r.code << ", true" << check_tail;
      ++calls;
    }
    if (o.responses.empty() && !o.default_response) {  // nothing documented: any status is unexpected
      out_ << "    http.respond(200, \"\");\n"
           << "    expect(call(), 200, false" << check_tail;
      ++calls;
    }
    if (o.default_response) {
      int undocumented = 599;
      auto const listed = [&](int code) {
        return std::any_of(o.responses.begin(), o.responses.end(),
                           [&](response_def const& r) { return r.code <= code && code <= r.last; });
      };
      while (listed(undocumented)) --undocumented;
      out_ << "    http.respond(" << undocumented << ", " << body_literal(*o.default_response) << ");\n"
           << "    expect(call(), " << undocumented << ", false" << check_tail;
      ++calls;
    }
    out_ << "  }\n";
    return calls;
  }

  std::string body_literal(response_def const& r) {
    if (!r.body) return "\"\"";
    return "R\"apidecl_json(" + example(*r.body, 0) + ")apidecl_json\"";
  }

  // A JSON value of type `t` that decodes: every field present, one element per array (none past
  // a few levels, so a type that holds itself in an array ends).
  std::string example(cpp_type const& t, int depth) {
    switch (t.of) {
      case cpp_type::kind::text: return "\"text\"";
      case cpp_type::kind::int32:
      case cpp_type::kind::int64: return "1";
      case cpp_type::kind::number: return "1.5";
      case cpp_type::kind::boolean: return "true";
      case cpp_type::kind::file: return "\"bytes\"";  // not in a JSON body: multipart only
      case cpp_type::kind::timestamp: return "\"2024-01-02T03:04:05Z\"";
      case cpp_type::kind::open_enum: {
        type_def const& e = *types_.at(t.name);
        return json_string(e.wire_values.empty() ? "" : e.wire_values.front());
      }
      case cpp_type::kind::vector: return depth < 4 ? "[" + example(*t.element, depth + 1) + "]" : "[]";
      case cpp_type::kind::optional: return depth < 4 ? example(*t.element, depth + 1) : "null";
      case cpp_type::kind::variant: return example(t.alternatives.front(), depth + 1);
      case cpp_type::kind::named: break;
    }
    type_def const& d = *types_.at(t.name);
    if (d.of == type_def::kind::alias) return example(*d.aliased, depth + 1);
    std::string object = "{";
    bool named_by_field = false;  // a discriminated alternative says which it is, by a field or beside them
    for (field_def const& f : d.fields) {
      bool const names = !d.discriminator_property.empty() && f.wire == d.discriminator_property;
      named_by_field = named_by_field || names;
      object += (object.size() > 1 ? "," : "") + json_string(f.wire) + ":" +
                (names ? json_string(d.discriminator_value) : example(f.type, depth + 1));
    }
    if (!d.discriminator_property.empty() && !named_by_field)
      object += (object.size() > 1 ? "," : "") + json_string(d.discriminator_property) + ":" +
                json_string(d.discriminator_value);
    return object + "}";
  }

  api const& api_;
  std::string header_;
  std::string ns_;
  std::map<std::string, type_def const*> types_;
  std::ostringstream out_;
};

}  // namespace

std::string write_test_program(api const& a, std::string const& header) { return test_program_writer(a, header).write(); }

}  // namespace apidecl_openapi
