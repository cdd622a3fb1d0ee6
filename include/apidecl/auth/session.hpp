#ifndef APIDECL_AUTH_SESSION_HPP
#define APIDECL_AUTH_SESSION_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

/// **Session requirement.** An Auth policy whose credentials expire and that can renew them by
/// logging in again. A type `S` is a Session if it is an Auth policy and, for an `S& s`, an
/// `apidecl::response const& r` and an `apidecl::result<typename S::login_endpoint> const& l`,
///
///     typename S::login_endpoint        // the endpoint that opens a session
///     s.login_arguments()               // a std::tuple of its named arguments (the credentials)
///     bool refused = s.refused(r);      // r says the credentials were refused
///     apidecl::auth_result a = s.accept(l);  // takes the new credentials from a login's result
///
/// are valid. When an attempt's response is `refused`, the client calls `login_endpoint` with
/// `login_arguments()` through the same transport, policies and limiter, gives the result to
/// `accept`, and repeats the call once with the new credentials: at most one login per call, and
/// one for all the non-blocking calls of a client refused while it is under way (they wait for
/// it, and a login that fails fails them all). A second refusal is the call's result as the
/// service gave it; a login that fails ends the call with
/// `validation_error::code::cannot_authenticate`, whose problem is `accept`'s phrase (say
/// "the login failed: ..."). Nothing else of the call is sent again.
///
/// Credentials in header fields are written anew by `authenticate` at each attempt. Those given
/// through `arguments()` (auth.hpp) are in the request built once: they must be query parameters
/// of text, and the client replaces their values in the built request after a login (and before
/// logging in, if another client of the same session renewed them meanwhile: then no login). A
/// call that names such a parameter itself is not renewed.
///
/// Optionally, `bool s.logged_in() const` says whether there are credentials at all: while it is
/// false, a call logs in after building its request and before sending anything (that login is
/// its one), so a Session may start without a token. Its `arguments()` must then supply a value
/// that passes the parameter's check, which the login replaces before it is sent.
///
/// Exemplar, a bearer token from a login endpoint (see tests/auth/session.cpp):
///
///     struct my_session {
///       using login_endpoint = my_login;
///       std::string token;
///       auto login_arguments() const { return std::tuple(my_user = "me"); }
///       bool refused(apidecl::response const& r) const { return r.status == 401; }
///       apidecl::auth_result accept(apidecl::result<my_login> const& r) {
///         if (r.get_if<200>() == nullptr) return apidecl::auth_result("the login failed");
///         token = r.get_if<200>()->token;
///         return {};
///       }
///       apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
///         h.add_secret("Authorization", "Bearer ", token);
///         return {};
///       }
///     };
///     static_assert(apidecl::is_session_v<my_session>);
namespace apidecl {

namespace detail {
template <class S, class = void>
struct has_refused : std::false_type {};
template <class S>
struct has_refused<S, std::enable_if_t<std::is_convertible_v<
                          decltype(std::declval<S&>().refused(std::declval<response const&>())), bool>>>
    : std::true_type {};

template <class T>
struct is_tuple : std::false_type {};
template <class... T>
struct is_tuple<std::tuple<T...>> : std::true_type {};

template <class S, class = void>
struct has_login : std::false_type {};
template <class S>
struct has_login<S, std::enable_if_t<std::is_convertible_v<
                        decltype(std::declval<S&>().accept(std::declval<result<typename S::login_endpoint> const&>())),
                        auth_result> &&
                    is_tuple<remove_cvref_t<decltype(std::declval<S&>().login_arguments())>>::value>>
    : std::true_type {};

template <class Arg>
using is_text_query_argument =
    std::bool_constant<remove_cvref_t<Arg>::parameter::where == location::query &&
                       std::is_convertible_v<decltype(std::declval<Arg const&>().value), std::string_view>>;

template <class Tuple>
struct all_text_query_arguments;
template <class... Args>
struct all_text_query_arguments<std::tuple<Args...>> : std::conjunction<is_text_query_argument<Args>...> {};

template <class S, class = void>
struct has_logged_in : std::false_type {};
template <class S>
struct has_logged_in<S, std::enable_if_t<std::is_convertible_v<decltype(std::declval<S const&>().logged_in()), bool>>>
    : std::true_type {};

/// Whether the Session `s` must log in before a call is sent: only if it says so.
template <class S>
bool must_log_in_first(S const& s) {
  if constexpr (has_logged_in<S>::value) return !s.logged_in();
  else return (void)s, false;
}
}  // namespace detail

/// Whether `S` models Session.
template <class S>
inline constexpr bool is_session_v =
    is_auth_v<S> && detail::has_refused<std::remove_reference_t<S>>::value &&
    detail::has_login<std::remove_reference_t<S>>::value &&
    detail::all_text_query_arguments<typename detail::auth_arguments<std::remove_reference_t<S>>::type>::value;

namespace diagnostic {
template <class Session> inline constexpr bool session_lacks_login = false;
template <class Session> inline constexpr bool session_arguments_not_in_query = false;
}  // namespace diagnostic

namespace detail {
template <class S, class = void>
struct names_refused : std::false_type {};
template <class S>
struct names_refused<S, std::void_t<decltype(&S::refused)>> : std::true_type {};

/// Makes the one compiler error that says what `S`, which says when credentials are refused,
/// lacks to be a Session, if anything.
template <class S>
void diagnose_session() noexcept {
  using U = std::remove_reference_t<S>;
  if constexpr (!is_auth_v<U>) diagnose_auth<U>();
  else if constexpr (!has_refused<U>::value || !has_login<U>::value)
    static_assert(diagnostic::session_lacks_login<U>,
                  "apidecl: a Session must provide 'bool refused(apidecl::response const&)', 'using login_endpoint = "
                  "<endpoint>;', 'login_arguments()' returning a std::tuple of named arguments, and "
                  "'apidecl::auth_result accept(apidecl::result<login_endpoint> const&)'");
  else if constexpr (!is_session_v<U>)
    static_assert(diagnostic::session_arguments_not_in_query<U>,
                  "apidecl: a Session's arguments() may only supply query parameters of text, which a login renews "
                  "in the request built once; put other credentials in header fields with authenticate()");
}

/// Whether `S` is a Session, or says when credentials are refused and so means to be one.
template <class S>
inline constexpr bool means_session_v = names_refused<std::remove_reference_t<S>>::value;

/// Whether the arguments `Args` of a call name a parameter that the tuple of arguments `Supplied`
/// (a Session's `arguments()`) would supply.
template <class Supplied, class... Args>
struct names_any_of;
template <class... Supplied, class... Args>
struct names_any_of<std::tuple<Supplied...>, Args...>
    : std::bool_constant<((index_of<typename Supplied::parameter, typename Args::parameter...>() != npos) || ...)> {};

/// Where a query parameter's value lies in a request built in a buffer: [begin, end).
struct value_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool found = false;
};

/// The value of the query parameter `name` in the target [target_begin, target_end) of `buffer`.
inline value_span find_query_value(char const* buffer, std::size_t target_begin, std::size_t target_end,
                                   std::string_view name) noexcept {
  std::string_view const target(buffer + target_begin, target_end - target_begin);
  std::size_t at = target.find('?');
  while (at != std::string_view::npos && at < target.size()) {
    std::size_t const field = at + 1;
    std::size_t const next = std::min(target.find('&', field), target.size());
    std::string_view const pair = target.substr(field, next - field);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=')
      return {target_begin + field + name.size() + 1, target_begin + next, true};
    at = next;
  }
  return {};
}

/// What replacing a value did: whether it changed the request, and by how many bytes it grew.
struct replacement {
  bool changed = false;
  std::ptrdiff_t growth = 0;
};

/// Replaces the value at `span` of the request whose bytes are [0, used) of `storage` with
/// `value`, percent-encoded, moving what follows; touches nothing if the value is the same.
inline replacement replace_query_value(std::vector<char>& storage, std::size_t used, value_span span,
                                       std::string_view value) {
  writer counting(nullptr, 0);
  percent_encode(value, counting);
  std::size_t const old_size = span.end - span.begin;
  std::size_t const new_size = counting.size();
  std::vector<char> encoded(new_size);
  writer encoder(encoded.data(), encoded.size());
  percent_encode(value, encoder);
  if (new_size == old_size && (new_size == 0 || std::memcmp(encoded.data(), storage.data() + span.begin, new_size) == 0))
    return {};
  std::ptrdiff_t const growth = static_cast<std::ptrdiff_t>(new_size) - static_cast<std::ptrdiff_t>(old_size);
  std::size_t const needed = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(used) + growth);
  if (storage.size() < needed) storage.resize(needed);
  std::memmove(storage.data() + span.begin + new_size, storage.data() + span.end, used - span.end);
  if (new_size > 0) std::memcpy(storage.data() + span.begin, encoded.data(), new_size);
  return {true, growth};
}

}  // namespace detail

}  // namespace apidecl

#endif
