#ifndef APIDECL_AUTH_AUTH_HPP
#define APIDECL_AUTH_AUTH_HPP

#include <apidecl/core/build_result.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/redaction.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/detail/type_list.hpp>

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

/// **Auth requirement.** Adds what a request needs to be accepted by the service, once it is
/// built. A type `A` is an Auth policy if, for an `A& a`, an `apidecl::request const& r` (method,
/// target, the endpoint's headers and the encoded body) and an `apidecl::header_writer& h`,
///
///     apidecl::auth_result s = a.authenticate(r, h);
///
/// is valid. It appends header fields with `h.add(name, value)` (or `h.add_secret(name, value)` for
/// a value that must never be shown: a token, a signature), after the endpoint's own, and
/// returns success, or a static phrase saying why it cannot (then the call fails with
/// `validation_error::code::cannot_authenticate` and nothing is sent). It may sign what it sees.
///
/// Optionally, `a.arguments()` returns a `std::tuple` of named arguments (`keyword = value`): the
/// client passes each to every endpoint that declares its parameter when the call does not name
/// it. That is how a service that wants a token in the query (cielo24's `api_token`) is
/// authenticated without repeating the token at every call.
///
/// Exemplar, a bearer token:
///
///     struct bearer {
///       std::string token;
///       apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer& h) const {
///         h.add("Authorization", "Bearer ", token);
///         return {};
///       }
///     };
///     static_assert(apidecl::is_auth_v<bearer>);
namespace apidecl {

/// What an Auth policy's `authenticate` returns: success, or a static phrase completing "cannot
/// authenticate the request: ...".
class [[nodiscard]] auth_result {
 public:
  constexpr auth_result() noexcept = default;
  constexpr explicit auth_result(std::string_view problem) noexcept : problem_(problem) {}

  constexpr explicit operator bool() const noexcept { return problem_.empty(); }
  constexpr std::string_view problem() const noexcept { return problem_; }

 private:
  std::string_view problem_;
};

/// Appends header fields to a request being built. A value is given in pieces that are written
/// one after the other (`add("Authorization", "Bearer ", token)`), so nothing needs a buffer of
/// its own. A field that would break the header block (a name that is not an HTTP token, a value
/// holding CR, LF or NUL) is not written, and the request is refused.
class header_writer {
 public:
  explicit header_writer(writer& out, redactions* secrets = nullptr) noexcept : out_(out), secrets_(secrets) {}

  template <class... Pieces>
  void add(std::string_view name, Pieces const&... value) noexcept {
    static_assert(sizeof...(Pieces) > 0, "apidecl: header_writer::add needs a value");
    if (!is_token(name)) return refuse("a header name from the Auth policy is not an HTTP token");
    if (!(detail::header_value_violation(std::string_view(value)).empty() && ...))
      return refuse("a header value from the Auth policy contains a line break or NUL");
    out_.append(name);
    out_.append(": ");
    (out_.append(std::string_view(value)), ...);
    out_.append("\r\n");
  }

  /// As `add`, for a value that must never be shown (a signature, a token): every text made of
  /// the request for an observer or a log shows it as `***` (redaction.hpp).
  template <class... Pieces>
  void add_secret(std::string_view name, Pieces const&... value) noexcept {
    std::size_t const begin = out_.size() + name.size() + 2;
    std::size_t const before = out_.size();
    add(name, value...);
    if (secrets_ != nullptr && out_.size() != before) secrets_->add(begin, out_.size() - 2);
  }

  /// Why a field was refused, empty if none was.
  std::string_view problem() const noexcept { return problem_; }

 private:
  // RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
  static constexpr bool is_token(std::string_view name) noexcept {
    if (name.empty()) return false;
    for (char c : name) {
      bool const alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!alnum && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos) return false;
    }
    return true;
  }
  void refuse(std::string_view problem) noexcept {
    if (problem_.empty()) problem_ = problem;
  }

  writer& out_;
  redactions* secrets_;
  std::string_view problem_;
};

namespace detail {
template <class A, class = void>
struct is_auth : std::false_type {};
template <class A>
struct is_auth<A, std::enable_if_t<std::is_convertible_v<decltype(std::declval<A&>().authenticate(
                                                              std::declval<request const&>(),
                                                              std::declval<header_writer&>())),
                                                          auth_result>>> : std::true_type {};

template <class A, class = void>
struct auth_arguments {
  using type = std::tuple<>;
};
template <class A>
struct auth_arguments<A, std::void_t<decltype(std::declval<A const&>().arguments())>> {
  using type = remove_cvref_t<decltype(std::declval<A const&>().arguments())>;
};
}  // namespace detail

/// Whether `A` models Auth.
template <class A>
inline constexpr bool is_auth_v = detail::is_auth<std::remove_reference_t<A>>::value;

/// The policy for services that need nothing added.
struct no_auth {
  constexpr auth_result authenticate(request const&, header_writer&) const noexcept { return {}; }
};

namespace diagnostic {
template <class Auth> inline constexpr bool auth_lacks_authenticate = false;
}  // namespace diagnostic

namespace detail {

/// Makes the one compiler error that says what `A` lacks to be an Auth policy, if anything.
template <class A>
void diagnose_auth() noexcept {
  if constexpr (!is_auth_v<A>)
    static_assert(diagnostic::auth_lacks_authenticate<std::remove_reference_t<A>>,
                  "apidecl: an Auth policy must provide "
                  "'apidecl::auth_result authenticate(apidecl::request const&, apidecl::header_writer&)'");
}

/// Lets `auth` add its fields to `built`, whose header block ends where `out` ends, recording
/// where its secret fields lie in `secrets`, if given.
template <class Auth>
build_result authenticate(Auth& auth, request const& built, writer& out, redactions* secrets = nullptr) noexcept {
  std::size_t const header_begin = out.size() - built.headers().text().size();  // the endpoint's fields end `out`
  header_writer headers(out, secrets);
  auth_result const status = auth.authenticate(built, headers);
  if (!status) return validation_error{validation_error::code::cannot_authenticate, {}, status.problem(), 0};
  if (!headers.problem().empty())
    return validation_error{validation_error::code::cannot_authenticate, {}, headers.problem(), 0};
  if (out.overflowed()) return too_large_for(out);
  return request(built.method(), built.target(), out.slice(header_begin, out.size()), built.body())
      .with_body_source(built.body_source());
}

/// The arguments of `Auth` whose parameters `Endpoint` declares and the call (`Args`) does not name.
template <class Endpoint, class... Args, class Auth>
auto supplied_arguments(Auth const& auth) noexcept {
  if constexpr (std::tuple_size_v<typename auth_arguments<Auth>::type> == 0) {
    (void)auth;
    return std::tuple<>{};
  } else {
    return std::apply(
        [](auto const&... supplied) {
          return std::tuple_cat([&] {
            using parameter = typename remove_cvref_t<decltype(supplied)>::parameter;
            constexpr bool declared = index_of_in<parameter>(endpoint_params_t<Endpoint>{}) != npos;
            constexpr bool named = index_of<parameter, typename Args::parameter...>() != npos;
            if constexpr (declared && !named) return std::tuple<remove_cvref_t<decltype(supplied)>>(supplied);
            else return std::tuple<>{};
          }()...);
        },
        auth.arguments());
  }
}

}  // namespace detail

}  // namespace apidecl

#endif
