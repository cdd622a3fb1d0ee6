#ifndef APIDECL_CORE_DECODE_HPP
#define APIDECL_CORE_DECODE_HPP

#include <apidecl/core/check_call.hpp>
#include <apidecl/core/check_codecs.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/serializer/codec_result.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <cstddef>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

/// Turning a received response into a `result`: the body of a documented status is decoded into
/// its declared type by the serializer for its media type; any other status is kept whole as
/// `unexpected_status`; a body that does not decode becomes a `decode_error` that keeps the response.
namespace apidecl {

namespace detail {
template <class E, class Serializers, class... On>
result<E> decode_by_status(responses<On...>, response const& r, Serializers const& serializers);
}  // namespace detail

/// Decodes the response `r` of a call to `Endpoint` with `serializers`.
template <class Endpoint, class Serializers>
result<Endpoint> decode(Endpoint const&, response const& r, Serializers const& serializers) {
  using detail::bodies;
  if constexpr (!is_endpoint_v<Endpoint>) {
    detail::diagnose_call<Endpoint>();
    return detail::after_error{};
  } else if constexpr (!detail::carries_bodies<Endpoint, Serializers, bodies::responses>()) {
    detail::diagnose_codecs<Endpoint, Serializers, bodies::responses>();
    return detail::after_error{};
  } else {
    return detail::decode_by_status<Endpoint>(typename Endpoint::responses{}, r, serializers);
  }
}

namespace detail {

// Decodes a documented response into a `Case` made in `storage`: its body with the serializer for
// `Media`, then its declared header fields. On failure nothing is left in `storage`, and the
// error says what was wrong. One function per case type, shared by every endpoint documenting it.
template <class Case, class Media, class Serializers>
std::optional<decode_error> decode_case(void* storage, response const& r, Serializers const& serializers) {
  Case& held = *::new (storage) Case{};
  if constexpr (is_status_range<Case>::value) held.code = r.status;
  // Ends `held` unless it is kept: after a failure, and when an allocation throws while it is being
  // filled (built with exceptions), which would otherwise leave it half made and never destroyed.
  struct unless_kept {
    Case* held;
    ~unless_kept() {
      if (held) held->~Case();
    }
  } guard{&held};
  std::optional<decode_error> problem;
  if constexpr (!std::is_same_v<decltype(held.body), no_content>) {
    decode_result const status = serializers.template get<Media>().decode(r.body, held.body);
    if (!status)
      problem = decode_error{status.where(), status.what(), r.status, std::string(r.headers.text()), std::string(r.body)};
  }
  if constexpr (case_declares_headers<Case>::value) {
    if (!problem) {
      if (std::optional<header_problem> wrong = read_headers(r.headers, held.headers))
        problem = decode_error{std::string(wrong->name), std::move(wrong->what), r.status, std::string(r.headers.text()),
                               std::string(r.body), true};
    }
  }
  if (!problem) guard.held = nullptr;
  return problem;
}

// The result for `r.status`: the response of `On...` documenting it on its own, else the first
// range holding it, decoded in place; or unexpected. The endpoint's part is three tables; the
// decoding is shared per case type.
template <class E, class Serializers, class... On>
result<E> decode_by_status(responses<On...>, response const& r, Serializers const& serializers) {
  if constexpr (sizeof...(On) > 0) {  // OpenAPI 3.1 lets an operation document no response
    static constexpr int firsts[] = {On::code...};
    static constexpr decode_case_function<Serializers> decoders[] = {
        &decode_case<case_of_t<On>, typename On::media, Serializers>...};
    if constexpr (((On::code == On::last) && ...)) {
      for (std::size_t i = 0; i < sizeof...(On); ++i)
        if (firsts[i] == r.status) return result_access::decoded<E>(i, decoders[i], r, serializers);
    } else {
      static constexpr int lasts[] = {On::last...};
      for (std::size_t i = 0; i < sizeof...(On); ++i)  // a single status first: it wins over a range
        if (firsts[i] == r.status && lasts[i] == r.status) return result_access::decoded<E>(i, decoders[i], r, serializers);
      for (std::size_t i = 0; i < sizeof...(On); ++i)
        if (firsts[i] <= r.status && r.status <= lasts[i]) return result_access::decoded<E>(i, decoders[i], r, serializers);
    }
  }
  return unexpected_status{r.status, std::string(r.headers.text()), std::string(r.body)};
}

}  // namespace detail

}  // namespace apidecl

#endif
