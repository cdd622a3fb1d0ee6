#ifndef APIDECL_CLIENT_CLIENT_HPP
#define APIDECL_CLIENT_CLIENT_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/client/policies.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/core/serializer_set.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/transport/transport.hpp>

#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace apidecl {

/// Calls endpoints through a `Transport`, encoding and decoding bodies with `Serializers` (a
/// `serializer_set`) and authenticating requests with `Auth`. `Transport` may be a reference
/// type, for a transport the caller owns: `make_client(http)` on an lvalue refers to it, on an
/// rvalue keeps it.
///
///     auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
///     auto r = api.call(cielo24::delete_job, cielo24::api_token = token, cielo24::job_id = id);
///
/// The request is built into a buffer the client owns and reuses: after the first call of a given
/// size, building a request allocates nothing.
template <class Transport, class Serializers = serializer_set<>, class Auth = no_auth>
class client {
 public:
  explicit client(Transport transport, Serializers serializers = {}, Auth auth = {})
      : transport_(std::forward<Transport>(transport)), serializers_(std::move(serializers)), auth_(std::move(auth)) {}

  /// Calls `endpoint` with named `args`, to which the Auth policy may add its own (see auth.hpp);
  /// see `result` for what comes back.
  template <class Endpoint, class... Args>
  result<Endpoint> call(Endpoint const& endpoint, Args const&... args) {
    auto const supplied = detail::supplied_arguments<Endpoint, Args...>(auth_);
    return std::apply([&](auto const&... more) { return call_with(endpoint, args..., more...); }, supplied);
  }

  std::remove_reference_t<Transport>& transport() noexcept { return transport_; }
  Serializers const& serializers() const noexcept { return serializers_; }
  Auth& auth() noexcept { return auth_; }

 private:
  template <class Endpoint, class... Args>
  result<Endpoint> call_with([[maybe_unused]] Endpoint const& endpoint, Args const&... args) {
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

  // Builds and authenticates into the client's buffer, growing it once if the request needs more.
  template <class Endpoint, class... Args>
  build_result build_into_buffer(Args const&... args) {
    if (buffer_.empty()) buffer_.resize(initial_buffer_size);
    build_result built = build_and_authenticate<Endpoint>(args...);
    if (built || built.error().code != validation_error::code::request_too_large) return built;
    buffer_.resize(built.error().needed);
    return build_and_authenticate<Endpoint>(args...);
  }

  template <class Endpoint, class... Args>
  build_result build_and_authenticate(Args const&... args) {
    writer out(buffer_.data(), buffer_.size());
    build_result const built = build_into<Endpoint>(out, serializers_, args...);
    if (!built) return built;
    return detail::authenticate(auth_, *built, out);
  }

  static constexpr std::size_t initial_buffer_size = 1024;

  Transport transport_;
  Serializers serializers_;
  Auth auth_;
  std::vector<char> buffer_;
};

/// A client over `transport` with the given policies, in any order: Serializers (one per media
/// type) and at most one Auth policy.
///
///     auto lod = apidecl::make_client(http, apidecl::pugixml_serializer{}, ondemand::signer{key_id, secret});
template <class Transport, class... Policies>
auto make_client(Transport&& transport, Policies... policies) {
  if constexpr ((detail::is_client_policy_v<Policies> && ...)) {
    auto serializers = detail::select_serializers(std::tuple<Policies...>(policies...));
    auto auth = detail::select_auth(std::tuple<Policies...>(std::move(policies)...));
    return client<Transport, decltype(serializers), decltype(auth)>(std::forward<Transport>(transport),
                                                                   std::move(serializers), std::move(auth));
  } else {
    (detail::diagnose_client_policy<Policies>(), ...);
    return detail::after_error{};
  }
}

}  // namespace apidecl

#endif
