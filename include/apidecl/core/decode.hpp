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
#include <string_view>
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

// Makes in `storage` the failure that `where` and `what` describe in `r`, which its decode_error
// keeps whole: one function for every case type, out of line, as a failed decoding is rare.
[[gnu::noinline]] inline void place_decode_failure(void* storage, std::string_view where, std::string what,
                                                   response const& r, bool in_header) {
  ::new (storage) failure(decode_error{std::string(where), std::move(what), r.status, std::string(r.headers.text()),
                                       std::string(r.body), in_header});
}

// Decodes a documented response into a `Case` made in `storage`: its body with the serializer for
// `Media`, then its declared header fields. True if it did; if not, `storage` holds the failure
// that says what was wrong instead. One function per case type, shared by every endpoint
// documenting it.
template <class Case, class Media, class Serializers>
bool decode_case(void* storage, response const& r, Serializers const& serializers) {
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
  if constexpr (!std::is_same_v<decltype(held.body), no_content>) {
    decode_result const status = serializers.template get<Media>().decode(r.body, held.body);
    if (!status) {
      guard.held = nullptr;
      held.~Case();
      place_decode_failure(storage, status.where(), status.what(), r, false);
      return false;
    }
  }
  if constexpr (case_declares_headers<Case>::value) {
    if (std::optional<header_problem> wrong = read_headers(r.headers, held.headers)) {
      guard.held = nullptr;
      held.~Case();
      place_decode_failure(storage, wrong->name, std::move(wrong->what), r, true);
      return false;
    }
  }
  guard.held = nullptr;
  return true;
}

// The table of documented responses `On...` that decode_into walks: an endpoint's part of decoding.
template <class Serializers, class... On>
struct status_table_of {
  static constexpr int firsts[] = {On::code...};
  static constexpr int lasts[] = {On::last...};
  static constexpr decode_case_function<Serializers> decoders[] = {
      &decode_case<case_of_t<On>, typename On::media, Serializers>...};
  static constexpr status_table<Serializers> value{sizeof...(On), firsts, lasts, decoders};
};
template <class Serializers>
struct status_table_of<Serializers> {  // OpenAPI 3.1 lets an operation document no response
  static constexpr status_table<Serializers> value{0, nullptr, nullptr, nullptr};
};

// The response in `table` that documents `status`: one documenting it on its own, else the
// first range holding it; `table.count` if none does.
template <class Serializers>
std::size_t documenting(status_table<Serializers> const& table, int status) noexcept {
  for (std::size_t i = 0; i < table.count; ++i)
    if (table.firsts[i] == status && table.lasts[i] == status) return i;
  for (std::size_t i = 0; i < table.count; ++i)
    if (table.firsts[i] <= status && status <= table.lasts[i]) return i;
  return table.count;
}

// Out of line, as it is the same code for every endpoint: only the table differs.
template <class Serializers>
[[gnu::noinline]] void decode_into(status_table<Serializers> const& table, response const& r,
                                   Serializers const& serializers, case_slots to) {
  std::size_t const i = documenting(table, r.status);
  if (i == table.count) {
    ::new (to.storage) unexpected_status{r.status, std::string(r.headers.text()), std::string(r.body)};
    to.index = to.unexpected;
    return;
  }
  // The header text first: an allocation that threw once the body was made would leave it made,
  // and never destroyed.
  to.headers.assign(r.headers.text());
  if (table.decoders[i](to.storage, r, serializers)) {
    to.index = static_cast<unsigned char>(i);
  } else {
    to.headers.clear();
    to.index = to.failed;
  }
}

// The result of `r`, decoded per the responses `On...` of `E`.
template <class E, class Serializers, class... On>
result<E> decode_by_status(responses<On...>, response const& r, Serializers const& serializers) {
  return result_access::decoded<E>(status_table_of<Serializers, On...>::value, r, serializers);
}

}  // namespace detail

}  // namespace apidecl

#endif
