#include "source_document.hpp"

#include <boost/json/stream_parser.hpp>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace apidecl_openapi {

namespace {

std::string read_file(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw malformed_document{path, "", "cannot be opened"};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string line_of(std::string const& text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return "line " + std::to_string(line);
}

// A plain YAML scalar read as the YAML 1.2 core schema reads it; quoted scalars stay strings.
boost::json::value plain_scalar(std::string const& text) {
  static std::regex const integer("[-+]?[0-9]+");
  static std::regex const real("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (std::regex_match(text, integer)) {
    errno = 0;
    long long const n = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == 0) return static_cast<std::int64_t>(n);
  }
  if (std::regex_match(text, real)) return std::strtod(text.c_str(), nullptr);
  return boost::json::string(text);
}

boost::json::value from_yaml(YAML::Node const& yaml, std::string const& file, std::string const& pointer) {
  switch (yaml.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return yaml.Tag() == "?" ? plain_scalar(yaml.Scalar()) : boost::json::value(boost::json::string(yaml.Scalar()));
    case YAML::NodeType::Sequence: {
      boost::json::array elements;
      std::size_t i = 0;
      for (auto const& element : yaml) elements.push_back(from_yaml(element, file, pointer + "/" + std::to_string(i++)));
      return elements;
    }
    case YAML::NodeType::Map: {
      boost::json::object members;
      for (auto const& member : yaml) {
        if (!member.first.IsScalar())
          throw malformed_document{file, pointer, "a mapping key is not a scalar (line " +
                                                      std::to_string(member.first.Mark().line + 1) + ")"};
        std::string const key = member.first.Scalar();
        std::string const at = pointer + "/" + pointer_token(key);
        if (members.contains(key)) throw malformed_document{file, at, "the key is given twice"};
        members[key] = from_yaml(member.second, file, at);
      }
      return members;
    }
  }
  return nullptr;
}

}  // namespace

source_document load_document(std::string const& path) {
  std::string const text = read_file(path);
  std::size_t const first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') {
    boost::json::error_code ec;
    boost::json::parse_options options;
    options.max_depth = 256;
    boost::json::stream_parser parser({}, options);
    std::size_t const used = parser.write(text.data(), text.size(), ec);
    if (!ec) parser.finish(ec);
    if (ec) throw malformed_document{path, line_of(text, used), "malformed JSON: " + ec.message()};
    return {path, parser.release()};
  }
  try {
    return {path, from_yaml(YAML::Load(text), path, "")};
  } catch (YAML::Exception const& e) {
    throw malformed_document{path, "line " + std::to_string(e.mark.line + 1), "malformed YAML: " + e.msg};
  }
}

std::string pointer_token(std::string_view token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return escaped;
}

boost::json::value const& node::value() const {
  static boost::json::value const missing;
  return value_ != nullptr ? *value_ : missing;
}

node node::operator[](std::string_view key) const {
  std::string const at = pointer_ + "/" + pointer_token(key);
  if (!exists()) return node(*document_, nullptr, at);
  if (!value_->is_object()) fail("expected an object");
  return node(*document_, value_->get_object().if_contains({key.data(), key.size()}), at);
}

node node::element(std::size_t index) const {
  auto const& elements = array();
  if (index >= elements.size()) fail("expected at least " + std::to_string(index + 1) + " elements");
  return node(*document_, &elements[index], pointer_ + "/" + std::to_string(index));
}

boost::json::object const& node::object() const {
  if (!exists() || !value_->is_object()) fail("expected an object");
  return value_->get_object();
}

boost::json::array const& node::array() const {
  if (!exists() || !value_->is_array()) fail("expected an array");
  return value_->get_array();
}

std::string node::text() const {
  if (!exists() || !value_->is_string()) fail("expected a string");
  return std::string(value_->get_string());
}

std::string node::text_or(std::string fallback) const { return exists() ? text() : std::move(fallback); }

bool node::flag_or(bool fallback) const {
  if (!exists()) return fallback;
  if (!value_->is_bool()) fail("expected true or false");
  return value_->get_bool();
}

std::string node::scalar_text() const {
  if (!exists()) fail("expected a value");
  if (value_->is_string()) return std::string(value_->get_string());
  if (value_->is_bool()) return value_->get_bool() ? "true" : "false";
  if (value_->is_int64()) return std::to_string(value_->get_int64());
  if (value_->is_uint64()) return std::to_string(value_->get_uint64());
  if (value_->is_double()) {
    std::ostringstream text;
    text << value_->get_double();
    return text.str();
  }
  fail("expected a string, a number or a boolean");
}

double node::number() const {
  if (!exists() || !value_->is_number()) fail("expected a number");
  return value_->to_number<double>();
}

node node::resolved() const {
  node at = *this;
  for (int hops = 0; at.is_object() && at.value_->get_object().contains("$ref"); ++hops) {
    node const ref = at["$ref"];
    if (hops == 32) ref.fail("$ref chain too long (a reference cycle?)");
    std::string const target = ref.text();
    if (target.rfind("#", 0) != 0) ref.fail("'" + target + "' is not a local reference (#/...): one file only");
    std::string const pointer = target.substr(1);
    boost::json::error_code ec;
    boost::json::value const* found = document_->root.find_pointer(pointer, ec);
    if (found == nullptr) ref.fail("'" + target + "' does not resolve");
    at = node(*document_, found, pointer);
  }
  return at;
}

void node::fail(std::string message) const { throw malformed_document{document_->file, pointer_, std::move(message)}; }

}  // namespace apidecl_openapi
