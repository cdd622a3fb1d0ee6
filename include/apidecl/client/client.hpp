#ifndef APIDECL_CLIENT_CLIENT_HPP
#define APIDECL_CLIENT_CLIENT_HPP

#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/core/serializer_set.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/transport/transport.hpp>

#include <type_traits>
#include <utility>
#include <vector>

namespace apidecl {

/// Calls endpoints through a `Transport`, encoding and decoding bodies with `Serializers` (a
/// `serializer_set`). `Transport` may be a reference type, for a transport the caller owns:
/// `make_client(http)` on an lvalue refers to it, on an rvalue keeps it.
///
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
///     auto r = api.call(cielo24::delete_job, cielo24::api_token = token, cielo24::job_id = id);
///
/// The request is built into a buffer the client owns and reuses: after the first call of a given
/// size, building a request allocates nothing.
template <class Transport, class Serializers = serializer_set<>>
class client {

 public:
  explicit client(Transport transport, Serializers serializers = {})
      : transport_(std::forward<Transport>(transport)), serializers_(std::move(serializers)) {}

  /// Calls `endpoint` with named `args`; see `result` for what comes back.
  template <class Endpoint, class... Args>
  result<Endpoint> call([[maybe_unused]] Endpoint const& endpoint, Args const&... args) {
    if constexpr (is_transport_v<Transport> && detail::is_valid_call<Endpoint, Args...>()) {
      build_result built = build_into_buffer<Endpoint>(args...);
      if (!built) return failure(built.error());
      transport_result const received = transport_.send(*built);
      if (!received) return failure(received.error());
      return decode(endpoint, *received, serializers_);
    } else if constexpr (!is_transport_v<Transport>) {
      detail::diagnose_transport<Transport>();
      return detail::after_error{};
    } else {
      detail::diagnose_call<Endpoint, Args...>();
      return detail::after_error{};
    }
  }

  std::remove_reference_t<Transport>& transport() noexcept { return transport_; }
  Serializers const& serializers() const noexcept { return serializers_; }

 private:
  template <class Endpoint, class... Args>
  build_result build_into_buffer(Args const&... args) {
    if (buffer_.empty()) buffer_.resize(initial_buffer_size);
    writer out(buffer_.data(), buffer_.size());
    build_result built = build_into<Endpoint>(out, serializers_, args...);
    if (built || built.error().code != validation_error::code::request_too_large) return built;
    buffer_.resize(built.error().needed);
    writer again(buffer_.data(), buffer_.size());
    return build_into<Endpoint>(again, serializers_, args...);
  }

  static constexpr std::size_t initial_buffer_size = 1024;

  Transport transport_;
  Serializers serializers_;
  std::vector<char> buffer_;
};

/// A client over `transport` with the given serializers.
template <class Transport, class... Serializers>
client<Transport, serializer_set<Serializers...>> make_client(Transport&& transport, Serializers... serializers) {
  (detail::diagnose_serializer<Serializers>(), ...);
  return client<Transport, serializer_set<Serializers...>>(std::forward<Transport>(transport),
                                                          serializer_set<Serializers...>(std::move(serializers)...));
}

}  // namespace apidecl

#endif
