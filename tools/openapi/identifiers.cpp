#include "identifiers.hpp"

#include <cctype>
#include <cstdio>

namespace apidecl_openapi {

namespace {

// C++20 keywords and alternative tokens, and lower-case names that C and POSIX headers may
// define as macros (<sys/sysmacros.h> defines major and minor; GNU modes define linux and unix).
bool is_reserved(std::string const& name) {
  static std::set<std::string> const reserved = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
      "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
      "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
      "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
      "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
      "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
      "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
      "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
      "final", "override", "import", "module",
      "major", "minor", "makedev", "linux", "unix", "errno", "assert", "offsetof", "setjmp", "stdin", "stdout",
      "stderr", "i386"};
  return reserved.count(name) != 0;
}

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string snake_case(std::string_view text) {
  std::string name;
  auto separate = [&] {
    if (!name.empty() && name.back() != '_') name += '_';
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (is_upper(c)) {
      // A word starts at an upper-case letter after a lower-case one or a digit, and at the last
      // capital of a run followed by a lower-case letter: HTTPServer -> http_server.
      bool const after_lower = i > 0 && (is_lower(text[i - 1]) || is_digit(text[i - 1]));
      bool const ends_run = i > 0 && is_upper(text[i - 1]) && i + 1 < text.size() && is_lower(text[i + 1]);
      if (after_lower || ends_run) separate();
      name += static_cast<char>(c - 'A' + 'a');
    } else if (is_lower(c) || is_digit(c)) {
      name += c;
    } else {
      separate();  // every other byte, non-ASCII included, separates words
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  if (name.empty()) return "unnamed";
  if (is_digit(name.front())) name = "n" + name;
  if (is_reserved(name)) name += '_';
  return name;
}

std::string string_literal(std::string_view text) {
  std::string literal = "\"";
  for (char c : text) {
    unsigned char const byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      literal += '\\';
      literal += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[12];
      std::snprintf(escaped, sizeof escaped, "\\x%02x\"\"", byte);  // "" ends the escape before a hex digit
      literal += escaped;
    } else {
      literal += c;
    }
  }
  return literal + "\"";
}

std::string comment_text(std::string_view text) {
  std::string line;
  for (char c : text) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  while (!line.empty() && (line.back() == '\\' || line.back() == ' ')) line.pop_back();
  return line;
}

std::string name_scope::claim(std::string const& wanted, std::string_view suffix) {
  std::string name = wanted;
  if (taken(name)) name = wanted + "_" + std::string(suffix);
  for (int n = 2; taken(name); ++n) name = wanted + "_" + std::string(suffix) + "_" + std::to_string(n);
  taken_.insert(name);
  return name;
}

}  // namespace apidecl_openapi
