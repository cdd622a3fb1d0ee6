#ifndef APIDECL_CLIENT_POLICIES_HPP
#define APIDECL_CLIENT_POLICIES_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/core/serializer_set.hpp>
#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/serializer.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

/// Sorting the policies given to `make_client`, in any order, into their families: Serializers
/// (any number, one per media type) and at most one Auth policy.
namespace apidecl {

namespace diagnostic {
template <class Policy>
struct not_a_client_policy {
  static_assert(detail::always_false<Policy>,
                "apidecl: a client policy must be a Serializer (declaring 'using media_type = <tag>;', e.g. "
                "apidecl::json) or an Auth policy (with 'apidecl::auth_status authenticate(apidecl::request "
                "const&, apidecl::header_writer&)')");
};
template <class... Auths>
struct more_than_one_auth_policy {
  static_assert(detail::always_false<Auths...>, "apidecl: a client takes at most one Auth policy");
};
}  // namespace diagnostic

namespace detail {

template <class P, class = void>
struct names_authenticate : std::false_type {};
template <class P>
struct names_authenticate<P, std::void_t<decltype(&P::authenticate)>> : std::true_type {};

/// Whether `P` belongs to one of the policy families.
template <class P>
inline constexpr bool is_client_policy_v = is_serializer_v<P> || is_auth_v<P>;

/// Makes the one compiler error that says what `P` lacks to be a client policy, if anything: an
/// Auth policy's own when `P` has an `authenticate` of the wrong shape.
template <class P>
void diagnose_client_policy() noexcept {
  if constexpr (is_client_policy_v<P>) return;
  else if constexpr (names_authenticate<P>::value) diagnose_auth<P>();
  else (void)sizeof(diagnostic::not_a_client_policy<P>);
}

template <class P>
using models_serializer = std::bool_constant<is_serializer_v<P>>;
template <class P>
using models_auth = std::bool_constant<is_auth_v<P>>;

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

template <class Tuple>
struct single_auth {
  using type = no_auth;
};
template <class Auth>
struct single_auth<std::tuple<Auth>> {
  using type = Auth;
};

/// The Serializers among `policies` as a serializer_set.
template <class... Policies>
auto select_serializers(std::tuple<Policies...>&& policies) {
  auto selected = select<models_serializer>(std::move(policies));
  return std::make_from_tuple<typename as_serializer_set<decltype(selected)>::type>(std::move(selected));
}

/// The Auth policy among `policies`, or `no_auth`.
template <class... Policies>
auto select_auth(std::tuple<Policies...>&& policies) {
  auto selected = select<models_auth>(std::move(policies));
  using auth = typename single_auth<decltype(selected)>::type;
  if constexpr (std::tuple_size_v<decltype(selected)> == 0) return auth{};
  else if constexpr (std::tuple_size_v<decltype(selected)> == 1) return std::get<0>(std::move(selected));
  else {
    (void)sizeof(diagnostic::more_than_one_auth_policy<Policies...>);
    return after_error{};
  }
}

}  // namespace detail

}  // namespace apidecl

#endif
