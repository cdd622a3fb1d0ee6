#ifndef APIDECL_CORE_HEADER_LIST_HPP
#define APIDECL_CORE_HEADER_LIST_HPP

#include <cstddef>
#include <iterator>
#include <optional>
#include <string_view>

namespace apidecl {

/// One header field: views into the text it was read from.
struct header_field {
  std::string_view name;
  std::string_view value;
};

namespace detail {
// What makes `text` unfit for a header field's value, or nothing: a line break or NUL would end
// the field and let the value write fields of its own.
constexpr std::string_view header_value_violation(std::string_view text) noexcept {
  for (char c : text)
    if (c == '\r' || c == '\n' || c == '\0') return "contains a line break or NUL, which would end the header";
  return {};
}
}  // namespace detail

/// ASCII case-insensitive comparison, as header names compare (RFC 9110, 5.1).
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// A read-only view of header fields stored as text, one `Name: value` per line, lines ending in
/// CRLF (or a lone LF). This is the layout requests are built in and the one transports hand back,
/// so neither side needs a container of its own. A status line ("HTTP/1.1 200 OK") and lines
/// without a ':' are skipped.
class header_list {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = header_field;
    using difference_type = std::ptrdiff_t;
    using pointer = header_field const*;
    using reference = header_field const&;

    constexpr iterator() noexcept = default;
    constexpr iterator(std::string_view rest) noexcept : rest_(rest) { settle(); }

    constexpr reference operator*() const noexcept { return field_; }
    constexpr pointer operator->() const noexcept { return &field_; }
    constexpr iterator& operator++() noexcept {
      rest_.remove_prefix(line_length_);
      settle();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      ++*this;
      return before;
    }
    friend constexpr bool operator==(iterator const& a, iterator const& b) noexcept {
      return a.rest_.size() == b.rest_.size();
    }
    friend constexpr bool operator!=(iterator const& a, iterator const& b) noexcept { return !(a == b); }

   private:
    static constexpr std::string_view trim(std::string_view s) noexcept {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
      return s;
    }
    // Moves to the next line that holds a field, reading it into field_.
    constexpr void settle() noexcept {
      while (!rest_.empty()) {
        std::size_t const end = rest_.find('\n');
        line_length_ = end == std::string_view::npos ? rest_.size() : end + 1;
        std::string_view const line = rest_.substr(0, end == std::string_view::npos ? rest_.size() : end);
        std::size_t const colon = line.find(':');
        bool const status_line = line.substr(0, 5) == "HTTP/";  // its reason phrase may hold a ':'
        if (colon != std::string_view::npos && colon > 0 && !status_line) {
          field_ = {line.substr(0, colon), trim(line.substr(colon + 1))};
          return;
        }
        rest_.remove_prefix(line_length_);
      }
    }
    std::string_view rest_;
    std::size_t line_length_ = 0;
    header_field field_;
  };

  constexpr header_list() noexcept = default;
  constexpr explicit header_list(std::string_view text) noexcept : text_(text) {}

  constexpr iterator begin() const noexcept { return iterator(text_); }
  constexpr iterator end() const noexcept { return iterator(text_.substr(text_.size())); }
  constexpr bool empty() const noexcept { return begin() == end(); }

  /// The value of the first field named `name` (case-insensitive), if any.
  constexpr std::optional<std::string_view> find(std::string_view name) const noexcept {
    for (header_field const& field : *this)
      if (iequals(field.name, name)) return field.value;
    return std::nullopt;
  }

  /// The text the fields are read from.
  constexpr std::string_view text() const noexcept { return text_; }

 private:
  std::string_view text_;
};

}  // namespace apidecl

#endif
