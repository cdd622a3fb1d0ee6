#ifndef APIDECL_CLIENT_POLICIES_HPP
#define APIDECL_CLIENT_POLICIES_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/auth/session.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/clock/sleeper.hpp>
#include <apidecl/clock/system_sleeper.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/limit/limiter.hpp>
#include <apidecl/retry/no_retry.hpp>
#include <apidecl/retry/retry_policy.hpp>
#include <apidecl/serializer/serializer.hpp>
#include <apidecl/serializer/serializer_set.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

/// Sorting the policies given to `make_client`, in any order, into their families: Serializers
/// (any number, one per media type), and at most one each of Auth policy (a Session is one),
/// Retry policy, Limiter, Clock (a Sleeper is a Clock) and Observer.
namespace apidecl {

namespace diagnostic {
template <class Policy> inline constexpr bool not_a_client_policy = false;
template <class... Policies>
struct more_than_one_auth_policy {
  static_assert(detail::always_false<Policies...>, "apidecl: a client takes at most one Auth policy");
};
template <class... Policies>
struct more_than_one_retry_policy {
  static_assert(detail::always_false<Policies...>,
                "apidecl: a client takes at most one Retry policy: compose policies into one with '|'");
};
template <class... Policies>
struct more_than_one_observer {
  static_assert(detail::always_false<Policies...>,
                "apidecl: a client takes at most one Observer: compose observers into one with '|'");
};
template <class... Policies>
struct more_than_one_limiter {
  static_assert(detail::always_false<Policies...>,
                "apidecl: a client takes at most one Limiter: give one rate_limiter several rates with also_for");
};
template <class... Policies>
struct more_than_one_clock {
  static_assert(detail::always_false<Policies...>, "apidecl: a client takes at most one Clock or Sleeper");
};
}  // namespace diagnostic

namespace detail {

template <class P>
using models_serializer = std::bool_constant<is_serializer_v<P>>;
template <class P>
using models_auth = std::bool_constant<is_auth_v<P>>;
template <class P>
using models_limiter = std::bool_constant<is_limiter_v<P>>;
template <class P>
using models_retry_policy = std::bool_constant<is_retry_policy_v<P>>;
template <class P>
using models_clock = std::bool_constant<is_clock_v<P>>;
template <class P>
using models_observer = std::bool_constant<is_observer_v<P>>;

template <class P, class = void>
struct names_authenticate : std::false_type {};
template <class P>
struct names_authenticate<P, std::void_t<decltype(&P::authenticate)>> : std::true_type {};
template <class P, class = void>
struct names_decide : std::false_type {};
template <class P>
struct names_decide<P, std::void_t<decltype(&P::decide)>> : std::true_type {};
template <class P, class = void>
struct names_sleep_for : std::false_type {};
template <class P>
struct names_sleep_for<P, std::void_t<decltype(&P::sleep_for)>> : std::true_type {};

/// Whether `P` belongs to one of the policy families. A type that says when credentials are
/// refused is an Auth policy only as a whole Session.
template <class P>
inline constexpr bool is_client_policy_v = is_serializer_v<P> || (is_auth_v<P> && (!means_session_v<P> || is_session_v<P>)) ||
                                           is_retry_policy_v<P> || is_limiter_v<P> || is_clock_v<P> || is_observer_v<P>;

/// Makes the one compiler error that says what `P` lacks to be a client policy, if anything: a
/// family's own when `P` has that family's member function with the wrong shape.
template <class P>
void diagnose_client_policy() noexcept {
  if constexpr (is_client_policy_v<P>) return;
  else if constexpr (means_session_v<P>) diagnose_session<P>();
  else if constexpr (names_authenticate<P>::value) diagnose_auth<P>();
  else if constexpr (names_acquire<P>::value) diagnose_limiter<P>();
  else if constexpr (names_decide<P>::value) diagnose_retry_policy<P>();
  else if constexpr (names_sleep_for<P>::value) diagnose_sleeper<P>();
  else static_assert(diagnostic::not_a_client_policy<P>,
                     "apidecl: a client policy must be a Serializer (declaring 'using media_type = <tag>;', e.g. "
                     "apidecl::json), an Auth policy (with 'apidecl::auth_result authenticate(apidecl::request "
                     "const&, apidecl::header_writer&)'), a Retry policy (with 'apidecl::retry_decision "
                     "decide(apidecl::attempt const&)'), a Limiter (with 'std::chrono::milliseconds "
                     "acquire(apidecl::endpoint_info const&, std::chrono::milliseconds)') or a Clock (with 'std::chrono::milliseconds now()', and "
                     "'void sleep_for(std::chrono::milliseconds)' for a Sleeper)");
}

template <template <class> class Is, class P>
auto keep_if(P&& policy) {
  if constexpr (Is<P>::value) return std::tuple<P>(std::move(policy));
  else return std::tuple<>{};
}

/// The policies of `all` that model `Is`, in their order.
template <template <class> class Is, class... Policies>
auto select(std::tuple<Policies...>&& all) {
  return std::apply([](Policies&&... p) { return std::tuple_cat(keep_if<Is>(std::move(p))...); }, std::move(all));
}

template <class Tuple>
struct as_serializer_set;
template <class... Serializers>
struct as_serializer_set<std::tuple<Serializers...>> {
  using type = serializer_set<Serializers...>;
};

/// The Serializers among `policies` as a serializer_set.
template <class... Policies>
auto select_serializers(std::tuple<Policies...>&& policies) {
  auto selected = select<models_serializer>(std::move(policies));
  return std::make_from_tuple<typename as_serializer_set<decltype(selected)>::type>(std::move(selected));
}

/// The one policy among `policies` that models `Is`, or a `Default`; more than one is the error
/// `TooMany`.
template <template <class> class Is, class Default, template <class...> class TooMany, class... Policies>
auto select_one(std::tuple<Policies...>&& policies) {
  auto selected = select<Is>(std::move(policies));
  constexpr std::size_t count = std::tuple_size_v<decltype(selected)>;
  if constexpr (count == 0) return Default{};
  else if constexpr (count == 1) return std::get<0>(std::move(selected));
  else {
    (void)sizeof(TooMany<Policies...>);
    return after_error{};
  }
}

}  // namespace detail

}  // namespace apidecl

#endif
