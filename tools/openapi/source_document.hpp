#ifndef APIDECL_TOOLS_OPENAPI_SOURCE_DOCUMENT_HPP
#define APIDECL_TOOLS_OPENAPI_SOURCE_DOCUMENT_HPP

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

/// An OpenAPI document as read from one file (JSON or YAML), and a way to walk it that says where
/// it is: every value is reached through a `node` that knows its JSON pointer, so whatever is
/// wrong with the document is reported as `file: pointer: what`.
namespace apidecl_openapi {

/// A document that cannot be read, or a value in it that is not what OpenAPI says it must be.
/// The generator stops at the first one; the program reports it and exits with an error.
struct malformed_document {
  std::string file;
  std::string pointer;  ///< the JSON pointer of the value at fault, or a line for a syntax error
  std::string message;
  /// `file: pointer: error: message`, as compilers write an error.
  std::string what() const { return file + ": " + (pointer.empty() ? "/" : pointer) + ": error: " + message; }
};

/// A whole document: YAML is read into the same JSON value model as JSON.
struct source_document {
  std::string file;
  boost::json::value root;
};

/// Reads `path`: JSON if it starts with '{' (after blanks), YAML otherwise. Throws
/// `malformed_document` for a file that cannot be read or parsed.
source_document load_document(std::string const& path);

/// `token` escaped for a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`.
std::string pointer_token(std::string_view token);

/// A value of a document and where it is. A missing member is a node whose `value()` is null
/// and `exists()` false, so optional parts read without checks at each step.
class node {
 public:
  node(source_document const& document, boost::json::value const* value, std::string pointer)
      : document_(&document), value_(value), pointer_(std::move(pointer)) {}

  bool exists() const noexcept { return value_ != nullptr; }
  boost::json::value const& value() const;
  std::string const& pointer() const noexcept { return pointer_; }
  source_document const& document() const noexcept { return *document_; }

  /// The member `key` of an object (a missing node if absent; an error if this is not an object).
  node operator[](std::string_view key) const;
  bool has(std::string_view key) const { return (*this)[key].exists(); }
  /// The element `index` of an array (an error if this is not an array or is shorter).
  node element(std::size_t index) const;
  /// Each member of an object, in document order: f(key, node).
  template <class F>
  void for_each_member(F&& f) const {
    if (!exists()) return;
    for (auto const& member : object()) {
      std::string_view const key(member.key().data(), member.key().size());
      f(key, node(*document_, &member.value(), pointer_ + "/" + pointer_token(key)));
    }
  }
  /// Each element of an array: f(node).
  template <class F>
  void for_each_element(F&& f) const {
    if (!exists()) return;
    auto const& elements = array();
    for (std::size_t i = 0; i < elements.size(); ++i)
      f(node(*document_, &elements[i], pointer_ + "/" + std::to_string(i)));
  }

  boost::json::object const& object() const;
  boost::json::array const& array() const;
  std::string text() const;                                 ///< a string, else an error
  std::string text_or(std::string fallback) const;          ///< a string, or the fallback when missing
  bool flag_or(bool fallback) const;                        ///< a boolean, or the fallback when missing
  std::string scalar_text() const;                          ///< a string, number or boolean as text
  double number() const;                                    ///< a number, else an error
  bool is_object() const noexcept { return exists() && value_->is_object(); }

  /// This node with its `$ref` followed (local references, `#/...`, possibly in a chain).
  node resolved() const;

  [[noreturn]] void fail(std::string message) const;

 private:
  source_document const* document_;
  boost::json::value const* value_;
  std::string pointer_;
};

/// The document's root.
inline node root_of(source_document const& document) { return node(document, &document.root, ""); }

}  // namespace apidecl_openapi

#endif
