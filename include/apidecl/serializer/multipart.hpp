#ifndef APIDECL_SERIALIZER_MULTIPART_HPP
#define APIDECL_SERIALIZER_MULTIPART_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/scalar_text.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

/// `multipart/form-data` request bodies (RFC 7578), the form a browser sends with a file input: a
/// Serializer (serializer.hpp) that encodes a Hana or described struct (fields.hpp), each field one
/// part named by its wire name.
///
///     struct upload {
///       BOOST_HANA_DEFINE_STRUCT(upload, (std::string, title), (int, year), (apidecl::file_part, media));
///     };
///     using body = apidecl::request_body<upload, apidecl::multipart_form_data>;
///
/// Fields: the scalars every serializer spells alike (strings, `std::string_view`, integers,
/// `bool`, enums with `enum_names`, text values), `file_part` (bytes with a filename and a media
/// type), each possibly `std::optional` (absent: no part), `std::vector` (one part per element,
/// all with the field's name) or an optional vector. Floating point is not a field type: say how it is spelled with a
/// `decimal` (types/decimal.hpp).
///
/// **No heap.** Encoding writes into the caller's `writer` and allocates nothing when the fields are
/// views (`std::string_view`, `file_part_view`): the embedded path builds a whole upload in its own
/// buffer, and a buffer too small reports the size it needed, as every build does.
///
/// **The boundary** is `apidecl-` and 16 hexadecimal digits, a hash of every byte the parts hold.
/// Before writing, each candidate is searched for in every text the body will hold (values,
/// bytes, names, filenames, media types); one found there is replaced by the next candidate
/// (the hash carried on), so the boundary never occurs in the content. Content crafted to hold
/// each of 16 candidates derived from itself is refused as an encode error rather than sent
/// ambiguously. The request's Content-Type carries it: `multipart/form-data; boundary=...`.
///
/// **Names and filenames** are written in quotes, escaped as browsers escape them (the HTML
/// standard's form encoding): `"` as `%22`, CR as `%0D`, LF as `%0A`, so no value can end a header
/// or start a part. A file's media type is a header value of the caller's and is refused, not
/// escaped, if it holds a line break or is empty. Decoding multipart is not offered (no service we
/// know answers with it).
namespace apidecl {

/// The media type of a `multipart/form-data` body. Its Content-Type carries a `boundary`
/// parameter, chosen per body by the serializer (`parameter_value`).
struct multipart_form_data {
  static constexpr std::string_view name = "multipart/form-data";
  static constexpr std::string_view parameter = "boundary";
};

/// A file sent as one part of a multipart body: its bytes, the filename the server is told and its
/// media type. `Text` owns the bytes (`std::string`) or views the caller's (`std::string_view`).
template <class Text>
struct basic_file_part {
  Text bytes;
  Text filename;
  Text content_type = Text("application/octet-stream");
};

/// A file whose bytes the part owns.
using file_part = basic_file_part<std::string>;
/// A file whose bytes the caller keeps alive during the build: no copy, no heap.
using file_part_view = basic_file_part<std::string_view>;

namespace detail {
template <class T> struct is_file_part : std::false_type {};
template <class Text> struct is_file_part<basic_file_part<Text>> : std::true_type {};

// The value a field's parts hold: the field, or what its optional, vector or optional vector holds.
template <class T> struct multipart_element { using type = T; };
template <class T> struct multipart_element<std::optional<T>> : multipart_element<T> {};
template <class T, class A> struct multipart_element<std::vector<T, A>> { using type = T; };

template <class T>
constexpr bool multipart_supports_field() noexcept {
  using element = typename multipart_element<T>::type;
  return is_file_part<element>::value || is_writable_text_scalar_v<element>;
}
template <class... Fields>
constexpr bool multipart_supports_fields(type_list<Fields...>) noexcept {
  return (multipart_supports_field<Fields>() && ...);
}
template <class T>
constexpr bool multipart_supports() noexcept {
  if constexpr (is_struct_v<T>) return multipart_supports_fields(field_types_t<T>{});
  else return false;
}

// One part as the encoder sees it; `filename` and `content_type` are null for a plain value.
struct multipart_part {
  std::string_view name;
  std::string_view value;
  std::string_view const* filename;
  std::string_view const* content_type;
};

// Calls `use(part)` for every part of `value`, in field order. Returns why a value has no text.
template <class T, class Use>
std::string_view for_each_part(T const& value, Use&& use) {
  std::string_view problem;
  auto const one = [&](std::string_view name, auto const& element) {
    using E = std::decay_t<decltype(element)>;
    if constexpr (is_file_part<E>::value) {
      std::string_view const filename = element.filename, content_type = element.content_type;
      use(multipart_part{name, std::string_view(element.bytes), &filename, &content_type});
    } else {
      std::string_view const why =
          format_scalar(element, [&](std::string_view text) { use(multipart_part{name, text, nullptr, nullptr}); });
      if (problem.empty()) problem = why;
    }
  };
  auto const each = [&](std::string_view name, auto const& field, auto const& self) -> void {
    using F = std::decay_t<decltype(field)>;
    if constexpr (is_optional_v<F>) {
      if (field) self(name, *field, self);
    } else if constexpr (is_vector<F>::value) {
      for (auto const& element : field) one(name, element);
    } else {
      one(name, field);
    }
  };
  for_each_field(value, [&](std::string_view name, auto const& field) { each(name, field, each); });
  return problem;
}

inline constexpr std::size_t multipart_boundary_size = 24;  // "apidecl-" and 16 hex digits
inline constexpr int multipart_boundary_attempts = 16;

// FNV-1a, 64 bits: a cheap hash of the content, so that the first boundary tried depends on it.
constexpr std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) noexcept {
  for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
  return hash;
}

struct multipart_boundary {
  char text[multipart_boundary_size];
  std::string_view view() const noexcept { return {text, sizeof text}; }
};

inline multipart_boundary spell_boundary(std::uint64_t hash) noexcept {
  multipart_boundary b{{'a', 'p', 'i', 'd', 'e', 'c', 'l', '-'}};
  for (std::size_t i = 0; i < 16; ++i) b.text[8 + i] = "0123456789abcdef"[(hash >> (60 - 4 * i)) & 0xf];
  return b;
}

// Whether `boundary` occurs in any text of the part.
inline bool part_holds(multipart_part const& part, std::string_view boundary) noexcept {
  auto const holds = [&](std::string_view text) { return text.find(boundary) != std::string_view::npos; };
  return holds(part.name) || holds(part.value) || (part.filename && holds(*part.filename)) ||
         (part.content_type && holds(*part.content_type));
}

// Writes `text` as a quoted-string's content, escaped as the HTML standard's form encoding does.
inline void write_escaped(std::string_view text, writer& out) noexcept {
  std::size_t plain = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    std::string_view const escape = c == '"' ? "%22" : c == '\r' ? "%0D" : c == '\n' ? "%0A" : "";
    if (escape.empty()) continue;
    out.append(text.substr(plain, i - plain));
    out.append(escape);
    plain = i + 1;
  }
  out.append(text.substr(plain));
}

inline void write_part(multipart_part const& part, std::string_view boundary, writer& out) noexcept {
  out.append("--");
  out.append(boundary);
  out.append("\r\nContent-Disposition: form-data; name=\"");
  write_escaped(part.name, out);
  out.push_back('"');
  if (part.filename != nullptr) {
    out.append("; filename=\"");
    write_escaped(*part.filename, out);
    out.append("\"\r\nContent-Type: ");
    out.append(*part.content_type);
  }
  out.append("\r\n\r\n");
  out.append(part.value);
  out.append("\r\n");
}
}  // namespace detail

/// The Serializer for `multipart_form_data` bodies: encoding only.
class multipart_serializer {
 public:
  using media_type = multipart_form_data;

  template <class T, std::enable_if_t<detail::multipart_supports<T>(), int> = 0>
  encode_result encode(T const& value, writer& out) const {
    std::uint64_t hash = 0xcbf29ce484222325u;
    bool bad_media_type = false;
    std::string_view problem = detail::for_each_part(value, [&](detail::multipart_part const& part) {
      hash = detail::fnv1a(detail::fnv1a(hash, part.name), part.value);
      if (part.content_type != nullptr)
        bad_media_type = bad_media_type || part.content_type->empty() ||
                         part.content_type->find_first_of("\r\n") != std::string_view::npos;
    });
    if (!problem.empty()) return encode_result(problem);
    if (bad_media_type) return encode_result("holds a file part whose media type is empty or holds a line break");

    detail::multipart_boundary boundary{};
    bool found = false;
    for (int attempt = 0; attempt < detail::multipart_boundary_attempts && !found; ++attempt) {
      hash = detail::fnv1a(hash, "next");
      boundary = detail::spell_boundary(hash);
      found = true;
      (void)detail::for_each_part(value, [&](detail::multipart_part const& part) {
        found = found && !detail::part_holds(part, boundary.view());
      });
    }
    if (!found) return encode_result("holds every multipart boundary tried: its content was made to collide");

    (void)detail::for_each_part(value, [&](detail::multipart_part const& part) {
      detail::write_part(part, boundary.view(), out);
    });
    out.append("--");
    out.append(boundary.view());
    out.append("--\r\n");
    return {};
  }

  /// The `boundary` of the body `encode` wrote, which starts with it: `held` is the part of that
  /// body that fit in the buffer. A buffer too small to hold the boundary gets text of its size,
  /// so that the size a request needed is still counted right.
  std::string_view parameter_value(std::string_view held) const noexcept {
    if (held.size() >= 2 + detail::multipart_boundary_size) return held.substr(2, detail::multipart_boundary_size);
    return "apidecl-????????????????";
  }
};

}  // namespace apidecl

#endif
