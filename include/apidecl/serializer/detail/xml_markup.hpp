#ifndef APIDECL_SERIALIZER_DETAIL_XML_MARKUP_HPP
#define APIDECL_SERIALIZER_DETAIL_XML_MARKUP_HPP

#include <apidecl/core/writer.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

/// What pugixml_serializer writes XML with: markup and escaped text straight into the caller's
/// writer, no document in between, so encoding takes no heap; element paths known at compile time
/// become markup at compile time. Needs no XML library.
namespace apidecl::detail {

/// How many '/'-separated steps `path` has.
constexpr std::size_t step_count(std::string_view path) noexcept {
  std::size_t count = 1;
  for (char c : path) count += c == '/';
  return count;
}

// Writes XML straight into the caller's writer, escaped as pugixml escapes what it saves: '&',
// '<' and '>' in text; '&', '<', '"', tab, line feed and carriage return in attribute values
// (the last three as character references, which attribute-value normalization keeps). An
// element with no content is written `<Name/>`.
class xml_stream {
 public:
  explicit xml_stream(writer& out) noexcept : out_(out) {}

  void open(std::string_view name) noexcept {
    end_start_tag();
    out_.push_back('<');
    out_.append(name);
    in_start_tag_ = true;
  }
  /// An attribute of the element just opened, before any content.
  void attribute(std::string_view name, std::string_view value) noexcept {
    out_.push_back(' ');
    out_.append(name);
    out_.append("=\"");
    escape(value, true);
    out_.push_back('"');
  }
  void text(std::string_view value) noexcept {
    end_start_tag();
    escape(value, false);
  }
  /// Starts an element with markup made at compile time (xml_markup): "<A><B", its last start
  /// tag left open for attributes.
  void start(std::string_view opening) noexcept {
    end_start_tag();
    out_.append(opening);
    in_start_tag_ = true;
  }
  /// Ends the element `start` began: "</B></A>", or "/></A>" if nothing was written inside B.
  void end(std::string_view closing, std::string_view closing_empty) noexcept {
    out_.append(in_start_tag_ ? closing_empty : closing);
    in_start_tag_ = false;
  }
  void close(std::string_view name) noexcept {
    if (in_start_tag_) {
      out_.push_back('/');
      out_.push_back('>');
      in_start_tag_ = false;
      return;
    }
    out_.push_back('<');
    out_.push_back('/');
    out_.append(name);
    out_.push_back('>');
  }

 private:
  void end_start_tag() noexcept {
    if (in_start_tag_) out_.push_back('>');
    in_start_tag_ = false;
  }

  void escape(std::string_view text, bool in_attribute) noexcept {
    std::size_t run = 0;  // copy runs that need no escaping in one go
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto const c = static_cast<unsigned char>(text[i]);
      if (c >= 64 || ((in_attribute ? escaped_in_attributes : escaped_in_text) >> c & 1) == 0) continue;
      std::string_view const escaped = escaped_form(text[i], in_attribute);
      out_.append({text.data() + run, i - run});
      out_.append(escaped);
      run = i + 1;
    }
    out_.append({text.data() + run, text.size() - run});
  }

  // The characters escaped, one bit each: all of them are below 64.
  static constexpr std::uint64_t escaped_in_text = 1ULL << '&' | 1ULL << '<' | 1ULL << '>';
  static constexpr std::uint64_t escaped_in_attributes =
      1ULL << '&' | 1ULL << '<' | 1ULL << '"' | 1ULL << '\t' | 1ULL << '\n' | 1ULL << '\r';

  static constexpr std::string_view escaped_form(char c, bool in_attribute) noexcept {
    switch (c) {
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return in_attribute ? "" : "&gt;";
      case '"': return in_attribute ? "&quot;" : "";
      case '\t': return in_attribute ? "&#09;" : "";
      case '\n': return in_attribute ? "&#10;" : "";
      case '\r': return in_attribute ? "&#13;" : "";
      default: return "";
    }
  }

  writer& out_;
  bool in_start_tag_ = false;
};

// An element path ("A/B") as markup: the opening "<A><B", its last start tag left open for
// attributes; the closing "</B></A>"; and "/></A>" to close it when nothing was written inside B.
template <std::size_t Size>
constexpr std::array<char, Size> opening_markup(std::string_view path) noexcept {
  std::array<char, Size> text{};
  std::size_t at = 0;
  text[at++] = '<';
  for (char c : path) {
    if (c == '/') {
      text[at++] = '>';
      text[at++] = '<';
    } else {
      text[at++] = c;
    }
  }
  return text;
}
// Writes the closing markup of `path` into `text` if given, and returns its size.
constexpr std::size_t closing_markup(std::string_view path, bool empty, char* text) noexcept {
  std::size_t at = 0;
  auto const put = [&](char c) {
    if (text != nullptr) text[at] = c;
    ++at;
  };
  for (std::size_t end = path.size(), innermost = 1;; innermost = 0) {
    std::size_t begin = end;
    while (begin > 0 && path[begin - 1] != '/') --begin;
    if (innermost == 1 && empty) {
      put('/');
      put('>');
    } else {
      put('<');
      put('/');
      for (std::size_t i = begin; i < end; ++i) put(path[i]);
      put('>');
    }
    if (begin == 0) return at;
    end = begin - 1;
  }
}
template <std::size_t Size>
constexpr std::array<char, Size> closing_markup(std::string_view path, bool empty) noexcept {
  std::array<char, Size> text{};
  closing_markup(path, empty, text.data());
  return text;
}
template <class Path>  // Path::value: element names joined by '/'
struct xml_markup {
  static constexpr auto opening = opening_markup<Path::value.size() + step_count(Path::value)>(Path::value);
  static constexpr auto closing = closing_markup<closing_markup(Path::value, false, nullptr)>(Path::value, false);
  static constexpr auto closing_empty = closing_markup<closing_markup(Path::value, true, nullptr)>(Path::value, true);
};

// Parts of a field's wire name `Name`, as paths for xml_markup.
template <class Name>
struct xml_leaf_path {  // of a scalar or struct: the element after the containers
  static constexpr std::string_view value = Name::value.substr(Name::value.rfind('/') + 1);
};
template <class Name>
struct xml_item_path {  // of a sequence: what each item writes, `Item/Rest...`
  static constexpr std::string_view value =
      step_count(Name::value) == 1 ? Name::value : Name::value.substr(Name::value.find('/') + 1);
};
template <class T>
struct xml_root_path {
  static constexpr std::string_view value = T::xml_element;
};

// The length of the longest run of whole segments that the '/'-separated paths `a` and `b` both
// begin with: 1 for "A/B" and "A/C", 0 for "AB" and "A".
constexpr std::size_t common_segments_length(std::string_view a, std::string_view b) noexcept {
  std::size_t common = 0;
  for (std::size_t i = 0;; ++i) {
    bool const a_ends = i == a.size() || a[i] == '/';
    bool const b_ends = i == b.size() || b[i] == '/';
    if (a_ends && b_ends) {
      common = i;
      if (i == a.size() || i == b.size()) return common;
    } else if (a_ends || b_ends || a[i] != b[i]) {
      return common;
    }
  }
}

constexpr bool begins_with_segments(std::string_view path, std::string_view prefix) noexcept {
  return prefix.empty() || common_segments_length(path, prefix) == prefix.size();
}

// The containers of a struct's element fields, kept open from one field to the next while they
// share them, so that `Source/Code` then `Source/Name` write one <Source>.
class open_containers {
 public:
  explicit open_containers(xml_stream& xml) noexcept : xml_(xml) {}

  /// Closes the open containers `path` does not run through, then opens the rest of `path`.
  void move_to(std::string_view path) noexcept {
    if (path.empty() && open_.empty()) return;  // most fields sit right in the struct's element
    std::size_t const shared = common_segments_length(open_, path);
    while (open_.size() > shared) {
      std::size_t const slash = open_.rfind('/');
      xml_.close(slash == std::string_view::npos ? open_ : open_.substr(slash + 1));
      open_ = open_.substr(0, slash == std::string_view::npos ? 0 : slash);
    }
    for (std::string_view rest = path.substr(shared); !rest.empty();) {
      if (rest.front() == '/') rest.remove_prefix(1);
      std::size_t const slash = rest.find('/');
      xml_.open(rest.substr(0, slash));
      rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    }
    open_ = path;
  }

 private:
  xml_stream& xml_;
  std::string_view open_;  // a slice of a wire name, which is static text
};

}  // namespace apidecl::detail

#endif
