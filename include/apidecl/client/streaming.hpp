#ifndef APIDECL_CLIENT_STREAMING_HPP
#define APIDECL_CLIENT_STREAMING_HPP

#include <apidecl/core/body_source.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/param.hpp>

#include <cstddef>
#include <string>
#include <type_traits>

/// What a call that streams a body needs of the client: whether its body argument is a source,
/// and which of its responses go to its sink.
namespace apidecl::detail {

/// Whether the call with the named arguments `Args` streams its request body from a source.
template <class... Args>
inline constexpr bool streams_request_body_v =
    ((std::is_same_v<typename Args::parameter, body_parameter> &&
      std::is_same_v<remove_cvref_t<decltype(Args::value)>, body_source_ref>) ||
     ...);

template <class... On>
bool declares_byte_body(responses<On...>, int status) noexcept {
  if constexpr (sizeof...(On) == 0) {
    return false;
  } else {
    static constexpr int codes[] = {On::code...};
    static constexpr bool bytes[] = {std::is_same_v<typename On::body, std::string>...};
    for (std::size_t i = 0; i < sizeof...(On); ++i)
      if (codes[i] == status) return bytes[i];
    return false;
  }
}

/// Whether a response of `Endpoint` with `status` goes to the call's sink (core/body_sink.hpp):
/// those whose declared body is bytes as they came (`std::string`, whatever its media type).
/// Any other status, documented or not, is kept in memory and decoded as usual.
template <class Endpoint>
bool takes_streamed_body(int status) noexcept {
  return declares_byte_body(typename Endpoint::responses{}, status);
}

}  // namespace apidecl::detail

#endif
