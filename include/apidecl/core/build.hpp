#ifndef APIDECL_CORE_BUILD_HPP
#define APIDECL_CORE_BUILD_HPP

#include <apidecl/core/body_source.hpp>
#include <apidecl/core/build_result.hpp>
#include <apidecl/core/check_call.hpp>
#include <apidecl/core/check_codecs.hpp>
#include <apidecl/core/check_endpoint.hpp>
#include <apidecl/core/expected.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/path_template.hpp>
#include <apidecl/core/redaction.hpp>
#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/serializer_set.hpp>
#include <apidecl/types/scalar_text.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

/// Building a request into a caller's buffer, with no heap allocation:
///
///     std::array<char, 512> buffer;
///     auto built = apidecl::build(cielo24::delete_job, buffer, cielo24::api_token = token, cielo24::job_id = id);
///     if (built) send(*built);   // built->target() etc. are views into buffer
///
/// The arguments are checked at compile time (check_call.hpp); their constraints at run time,
/// before anything is written, along with what every path or header value must obey whatever its
/// constraints: no empty, "." or ".." path value, no line break or NUL in a header value.
/// An endpoint with a body needs a serializer for its media type:
/// `apidecl::build(endpoint, buffer, apidecl::serializer_set{my_json}, apidecl::body = value, ...)`.
namespace apidecl {

namespace diagnostic {
template <class Serializer, class Media> inline constexpr bool serializer_gives_no_media_parameter = false;
}  // namespace diagnostic

namespace detail {

// One declared parameter with its value as text: the non-template part of building works on these.
struct param_slot {
  std::string_view name;
  location where = location::query;
  bool has_value = false;
  std::string_view text;
  std::string_view (*violation)(std::string_view) noexcept = nullptr;
  bool out_of_range = false;  // an integer argument the declared value type cannot hold
  bool secret = false;        // shown as *** in every text made of the request (redaction.hpp)
};

// Percent-encoding leaves '.' as it is, and an empty, "." or ".." segment is one that URL parsers
// resolve away (RFC 3986, 5.2.4) or servers merge: the request would reach another resource.
constexpr std::string_view path_value_violation(std::string_view text) noexcept {
  if (text.empty() || text == "." || text == "..") return "is empty, '.' or '..', which would change the path";
  return {};
}

// The first argument that breaks its parameter's rules, in declaration order.
inline std::optional<validation_error> first_invalid(param_slot const* slots, std::size_t count) noexcept {
  for (std::size_t i = 0; i < count; ++i) {
    param_slot const& slot = slots[i];
    if (!slot.has_value) continue;
    std::string_view problem = slot.out_of_range ? "is out of range for its declared integer type" : slot.violation(slot.text);
    if (problem.empty() && slot.where == location::header) problem = header_value_violation(slot.text);
    if (problem.empty() && slot.where == location::path) problem = path_value_violation(slot.text);
    if (!problem.empty()) return validation_error{validation_error::code::invalid_argument, slot.name, problem, 0};
  }
  return std::nullopt;
}

// Where a build records its secret values: a `redactions*`, or `std::nullptr_t` for a build that
// records none, whose code then holds no trace of the record.
template <class Secrets>
inline constexpr bool records_secrets_v = !std::is_same_v<Secrets, std::nullptr_t>;

// Writes `slot`'s value with `write`, recording where it lies if it is secret.
template <class Secrets, class Write>
void write_value(param_slot const& slot, writer& out, Secrets secrets, Write&& write) noexcept {
  std::size_t const begin = out.size();
  write();
  if constexpr (records_secrets_v<Secrets>)
    if (slot.secret) secrets->add(begin, out.size());
}

// Writes `value` in decimal.
inline void write_decimal(std::uint64_t value, writer& out) noexcept {
  char digits[20];
  std::size_t begin = sizeof digits;
  do {
    digits[--begin] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  out.append({digits + begin, sizeof digits - begin});
}

// A request's Content-Type: the media type's name and, for a media type whose Content-Type carries
// a parameter chosen per body (media_type.hpp: multipart's boundary), that parameter.
struct content_type_text {
  std::string_view name;
  std::string_view parameter;
  std::string_view value;
};

template <class Media, class = void>
struct has_media_parameter : std::false_type {};
template <class Media>
struct has_media_parameter<Media, std::void_t<decltype(Media::parameter)>> : std::true_type {};

template <class Serializer, class = void>
struct gives_parameter_value : std::false_type {};
template <class Serializer>
struct gives_parameter_value<Serializer, std::enable_if_t<std::is_convertible_v<
    decltype(std::declval<Serializer const&>().parameter_value(std::string_view{})), std::string_view>>>
    : std::true_type {};

// Writes the target and the header block after the body already in `out`, recording where the
// secret values go in `secrets`. A streamed body (`source`) gets its Content-Length field here:
// the transport sends the source's bytes, which are nowhere in `out`.
template <class Secrets>
build_result assemble(method m, std::string_view path, param_slot const* slots, std::size_t count,
                      content_type_text const& content_type, body_source_ref source, writer& out,
                      Secrets secrets) noexcept {
  std::size_t const body_end = out.size();

  std::size_t const target_begin = out.size();
  std::size_t literal = 0;
  for (path_template::placeholder p = path_template::next(path, 0); !p.name.empty();
       p = path_template::next(path, p.open + 1)) {
    out.append({path.data() + literal, p.open - literal});  // not substr, which may throw (path_template.hpp)
    for (std::size_t i = 0; i < count; ++i)
      if (slots[i].where == location::path && slots[i].name == p.name)
        write_value(slots[i], out, secrets, [&] { percent_encode(slots[i].text, out); });
    literal = p.open + p.name.size() + 2;
  }
  out.append({path.data() + literal, path.size() - literal});
  char separator = '?';
  for (std::size_t i = 0; i < count; ++i) {
    if (slots[i].where != location::query || !slots[i].has_value) continue;
    out.push_back(separator);
    separator = '&';
    percent_encode(slots[i].name, out);
    out.push_back('=');
    write_value(slots[i], out, secrets, [&] { percent_encode(slots[i].text, out); });
  }
  std::size_t const target_end = out.size();

  for (std::size_t i = 0; i < count; ++i) {
    if (slots[i].where != location::header || !slots[i].has_value) continue;
    out.append(slots[i].name);
    out.append(": ");
    write_value(slots[i], out, secrets, [&] { out.append(slots[i].text); });
    out.append("\r\n");
  }
  if (!content_type.name.empty()) {
    out.append("Content-Type: ");
    out.append(content_type.name);
    if (!content_type.parameter.empty()) {
      out.append("; ");
      out.append(content_type.parameter);
      out.push_back('=');
      out.append(content_type.value);
    }
    out.append("\r\n");
  }
  if (source) {
    out.append("Content-Length: ");
    write_decimal(source.size(), out);
    out.append("\r\n");
  }
  if (out.overflowed()) return too_large_for(out);
  return request(m, out.slice(target_begin, target_end), out.slice(target_end, out.size()), out.slice(0, body_end))
      .with_body_source(source);
}

// The text of a bool or integer argument; 24 holds any 64-bit value with its sign.
struct integer_text {
  char digits[24];
};

// An argument's text: text as given, other scalars spelled as every serializer spells them.
template <class T>
std::string_view to_text(T const& value, integer_text& storage) noexcept {
  if constexpr (std::is_convertible_v<T const&, std::string_view>) {
    return std::string_view(value);
  } else {
    std::string_view text;
    (void)format_scalar(value, [&](std::string_view spelled) {
      std::memcpy(storage.digits, spelled.data(), spelled.size());
      text = {storage.digits, spelled.size()};
    });
    return text;
  }
}

template <std::size_t I, class First, class... Rest>
constexpr auto const& nth(First const& first, Rest const&... rest) noexcept {
  if constexpr (I == 0) return first;
  else return nth<I - 1>(rest...);
}

// Whether the integer `value` is representable as a `Declared`.
template <class Declared, class T>
constexpr bool fits_in(T value) noexcept {
  if constexpr (!std::is_integral_v<Declared> || std::is_same_v<Declared, bool>) return true;
  else if constexpr (std::is_signed_v<T> == std::is_signed_v<Declared>)
    return value >= std::numeric_limits<Declared>::min() && value <= std::numeric_limits<Declared>::max();
  else if constexpr (std::is_signed_v<T>)
    return value >= 0 && static_cast<std::make_unsigned_t<T>>(value) <= std::numeric_limits<Declared>::max();
  else
    return value <= static_cast<std::make_unsigned_t<Declared>>(std::numeric_limits<Declared>::max());
}

template <class P, class... Args>
param_slot make_slot(integer_text& storage, Args const&... args) noexcept {
  param_slot slot{P::name, P::where, true, {}, &P::constraint::violation, false, P::is_secret};
  constexpr std::size_t given = index_of<P, typename Args::parameter...>();
  if constexpr (given != npos) {
    auto const& value = nth<given>(args...).value;
    using value_type = remove_cvref_t<decltype(value)>;
    if constexpr (std::is_integral_v<value_type> && !std::is_same_v<value_type, bool>)
      slot.out_of_range = !fits_in<typename P::value_type>(value);
    slot.text = to_text(value, storage);
  } else if constexpr (P::presence == presence::fixed) slot.text = P::value;
  else if constexpr (P::presence == presence::defaulted)
    slot.text = to_text(static_cast<typename P::value_type>(P::default_value), storage);
  else slot.has_value = false;
  return slot;
}

template <class E, class Secrets, class Serializers, class... Declared, std::size_t... I, class... Args>
build_result build_checked(type_list<Declared...>, std::index_sequence<I...>, writer& out, Secrets secrets,
                           Serializers const& serializers, Args const&... args) noexcept {
  // Arguments are checked before anything is written, the body included.
  [[maybe_unused]] integer_text storage[sizeof...(Declared) + 1];
  param_slot const slots[] = {make_slot<Declared>(storage[I], args...)..., param_slot{}};
  if (auto invalid = first_invalid(slots, sizeof...(Declared))) return *invalid;

  content_type_text content_type;
  body_source_ref source;
  if constexpr (endpoint_has_body_v<E>) {
    using media = typename E::body::media;
    content_type.name = media::name;
    auto const& given = nth<index_of<body_parameter, typename Args::parameter...>()>(args...).value;
    if constexpr (is_streamed_body_for_v<remove_cvref_t<decltype(given)>, typename E::body::type>) {
      source = given;
      if (!source) return validation_error{validation_error::code::unencodable_body, "body", "is an empty body_source_ref", 0};
    } else {
      auto const& serializer = serializers.template get<media>();
      typename E::body::type const& body = given;
      encode_result const encoded = serializer.encode(body, out);
      if (!encoded) return validation_error{validation_error::code::unencodable_body, "body", encoded.problem(), 0};
      if constexpr (has_media_parameter<media>::value) {
        using serializer_type = remove_cvref_t<decltype(serializer)>;
        if constexpr (!gives_parameter_value<serializer_type>::value) {
          static_assert(diagnostic::serializer_gives_no_media_parameter<serializer_type, media>,
                        "apidecl: the body's media type declares a Content-Type parameter, so its serializer must "
                        "give its value: std::string_view parameter_value(std::string_view encoded_body) const");
        } else {
          // The body is written from the buffer's start; only what fit is there to read.
          std::size_t const held = out.overflowed() ? out.capacity() : out.size();
          content_type.parameter = media::parameter;
          content_type.value = serializer.parameter_value(out.slice(0, held));
        }
      }
      if constexpr (records_secrets_v<Secrets> && holds_secret_fields_v<typename E::body::type>)
        secrets->add(0, out.size());  // the body is written first, from the buffer's start
    }
  }
  return assemble(E::method, E::path, slots, sizeof...(Declared), content_type, source, out, secrets);
}

/// `build_into`, recording in `secrets` where the values of secret parameters lie in `out`.
template <class Endpoint, class Serializers, class... Args>
build_result build_recording_secrets(writer& out, redactions& secrets, Serializers const& serializers,
                                     Args const&... args) noexcept {
  if constexpr (!is_valid_call<Endpoint, Args...>()) {
    diagnose_call<Endpoint, Args...>();
    return after_error{};
  } else if constexpr (!carries_bodies<Endpoint, Serializers, bodies::request>()) {
    diagnose_codecs<Endpoint, Serializers, bodies::request>();
    return after_error{};
  } else {
    using declared = endpoint_params_t<Endpoint>;
    return build_checked<Endpoint>(declared{}, std::make_index_sequence<declared::size>{}, out, &secrets, serializers,
                                   args...);
  }
}

template <class T> struct is_serializer_set : std::false_type {};
template <class... S> struct is_serializer_set<serializer_set<S...>> : std::true_type {};

}  // namespace detail

/// Builds the request of `Endpoint` for `args` into `out`; the request's views point into the
/// writer's buffer. With a fixed buffer too small, the error says how many bytes are needed.
template <class Endpoint, class Serializers, class... Args>
build_result build_into(writer& out, Serializers const& serializers, Args const&... args) noexcept {
  using detail::bodies;
  if constexpr (!detail::is_valid_call<Endpoint, Args...>()) {
    detail::diagnose_call<Endpoint, Args...>();
    return detail::after_error{};
  } else if constexpr (!detail::carries_bodies<Endpoint, Serializers, bodies::request>()) {
    detail::diagnose_codecs<Endpoint, Serializers, bodies::request>();
    return detail::after_error{};
  } else {
    using declared = endpoint_params_t<Endpoint>;
    return detail::build_checked<Endpoint>(declared{}, std::make_index_sequence<declared::size>{}, out, nullptr,
                                           serializers, args...);
  }
}

/// Builds the request of `endpoint` into `buffer` (any contiguous range of char: an array, a
/// std::array, a std::vector). An endpoint with a body takes a `serializer_set` before its arguments.
/// Each checks the call itself rather than leave it to `build_into`: the compiler's backtrace of
/// a misuse is then one frame shorter.
template <class Endpoint, class Buffer, class First, class... Rest>
build_result build(Endpoint const&, Buffer& buffer, First const& first, Rest const&... rest) noexcept {
  using detail::bodies;
  writer out(std::data(buffer), std::size(buffer));
  if constexpr (detail::is_serializer_set<First>::value) {
    if constexpr (!detail::is_valid_call<Endpoint, Rest...>()) detail::diagnose_call<Endpoint, Rest...>();
    else if constexpr (!detail::carries_bodies<Endpoint, First, bodies::request>())
      detail::diagnose_codecs<Endpoint, First, bodies::request>();
    else return build_into<Endpoint>(out, first, rest...);
  } else {
    if constexpr (!detail::is_valid_call<Endpoint, First, Rest...>()) detail::diagnose_call<Endpoint, First, Rest...>();
    else if constexpr (!detail::carries_bodies<Endpoint, serializer_set<>, bodies::request>())
      detail::diagnose_codecs<Endpoint, serializer_set<>, bodies::request>();
    else return build_into<Endpoint>(out, serializer_set<>{}, first, rest...);
  }
  return detail::after_error{};
}

/// Builds the request of an endpoint that takes no arguments.
template <class Endpoint, class Buffer>
build_result build(Endpoint const&, Buffer& buffer) noexcept {
  using detail::bodies;
  if constexpr (!detail::is_valid_call<Endpoint>()) {
    detail::diagnose_call<Endpoint>();
    return detail::after_error{};
  } else if constexpr (!detail::carries_bodies<Endpoint, serializer_set<>, bodies::request>()) {
    detail::diagnose_codecs<Endpoint, serializer_set<>, bodies::request>();
    return detail::after_error{};
  } else {
    writer out(std::data(buffer), std::size(buffer));
    return build_into<Endpoint>(out, serializer_set<>{});
  }
}

}  // namespace apidecl

#endif
