#ifndef APIDECL_TRANSPORT_TRANSPORT_HPP
#define APIDECL_TRANSPORT_TRANSPORT_HPP

#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/detail/type_list.hpp>

#include <type_traits>
#include <utility>

/// **Transport requirement.** The user's HTTP stack, adapted. A type `T` is a Transport if, for a
/// `T& t` and an `apidecl::request const& r`,
///
///     apidecl::transport_result res = t.send(r);
///
/// is valid. `send` performs one exchange: it sends `r.method_name()`, `r.target()` (joined to the
/// transport's own base URL or host), every field of `r.headers()` and `r.body()`, and returns the
/// status, the header block (one "Name: value" per line) and the body as views that stay valid
/// until the next `send` on `t`; or a `transport_error` saying whether the request may have
/// reached the server. It throws nothing and retries nothing (retrying is a client policy).
///
/// A Transport that also streams bodies says so with `static constexpr bool streams_bodies = true;`
/// (`transport_streams_bodies_v`, call_options.hpp): it sends the bytes of `r.body_source()` when
/// set, and gives a response whose status `options.response_into.takes(status)` to that sink.
///
/// Exemplar:
///
///     struct my_transport {
///       apidecl::transport_result send(apidecl::request const& r);
///     };
///     static_assert(apidecl::is_transport_v<my_transport>);
namespace apidecl {

namespace detail {
template <class T, class = void>
struct is_transport : std::false_type {};
template <class T>
struct is_transport<T, std::enable_if_t<std::is_convertible_v<
                           decltype(std::declval<T&>().send(std::declval<request const&>())), transport_result>>>
    : std::true_type {};
}  // namespace detail

/// Whether `T` models Transport.
template <class T>
inline constexpr bool is_transport_v = detail::is_transport<std::remove_reference_t<T>>::value;

namespace diagnostic {
template <class Transport> inline constexpr bool transport_lacks_send = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `T` lacks to be a Transport, if anything.
template <class T>
void diagnose_transport() noexcept {
  if constexpr (!is_transport_v<T>)
    static_assert(diagnostic::transport_lacks_send<std::remove_reference_t<T>>,
                  "apidecl: a Transport must provide 'apidecl::transport_result send(apidecl::request const&)'");
}
}  // namespace detail

}  // namespace apidecl

#endif
