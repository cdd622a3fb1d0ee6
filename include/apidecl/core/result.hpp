#ifndef APIDECL_CORE_RESULT_HPP
#define APIDECL_CORE_RESULT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/response_header.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace apidecl {

/// A documented response: status `Code`, its decoded body and the typed header fields `Headers...`
/// it declares (response_header.hpp).
template <int Code, class Body, class... Headers>
struct status {
  static constexpr int code = Code;
  Body body;
  header_values<Headers...> headers;
};
/// A documented response that declares no header fields: status `Code` and its decoded body.
template <int Code, class Body>
struct status<Code, Body> {
  static constexpr int code = Code;
  Body body;
};

/// A status the endpoint does not document (a proxy's 502 page, say), kept whole.
struct unexpected_status {
  int status = 0;
  std::string headers;  ///< as received, one "Name: value" per line
  std::string body;
};

/// Builds a visitor from lambdas, as for `std::visit`.
template <class... F>
struct overload : F... {
  using F::operator()...;
};
template <class... F>
overload(F...) -> overload<F...>;

namespace diagnostic {
template <class Endpoint, class Case>
struct visitor_does_not_handle_a_case {
  static_assert(detail::always_false<Endpoint, Case>,
                "apidecl: the visitor handles no case of this result: add a callable taking the body type "
                "(or apidecl::status<Code, Body>), apidecl::unexpected_status or apidecl::failure");
};
template <class Endpoint, class Case>
struct visitor_returns_different_types {
  static_assert(detail::always_false<Endpoint, Case>,
                "apidecl: every callable of a visitor must return the same type; this case returns another");
};
}  // namespace diagnostic

namespace detail {
// The case of a result that documented response `On` makes.
template <class On, class Headers = typename On::headers>
struct case_of;
template <class On, class... Headers>
struct case_of<On, type_list<Headers...>> {
  using type = status<On::code, typename On::body, Headers...>;
};
template <class On>
using case_of_t = typename case_of<On>::type;

template <class Responses>
struct result_variant;
template <class... On>
struct result_variant<responses<On...>> {
  using type = std::variant<case_of_t<On>..., unexpected_status, failure>;
};

// How a visitor takes one case: a documented status whole or just its body.
template <class Visitor, class Case>
struct visit_case {
  static constexpr bool handled = std::is_invocable_v<Visitor, Case const&>;
  static decltype(auto) call(Visitor& v, Case const& c) { return v(c); }
};
template <class Visitor, int Code, class Body, class... Headers>
struct visit_case<Visitor, status<Code, Body, Headers...>> {
  static constexpr bool whole = std::is_invocable_v<Visitor, status<Code, Body, Headers...> const&>;
  static constexpr bool handled = whole || std::is_invocable_v<Visitor, Body const&>;
  static decltype(auto) call(Visitor& v, status<Code, Body, Headers...> const& c) {
    if constexpr (whole) return v(c);
    else return v(c.body);
  }
};
template <class Visitor, class Case>
using visit_case_result_t = decltype(visit_case<Visitor, Case>::call(std::declval<Visitor&>(), std::declval<Case const&>()));

template <int Code, class Responses>
struct status_body;
template <int Code, class... On>
struct status_body<Code, responses<On...>> {
  static constexpr std::size_t index = first_false<(On::code != Code)...>();
  static_assert(index < sizeof...(On), "apidecl: get_if<Code>: the endpoint documents no such status");
  using case_type = type_at_t<index, type_list<case_of_t<On>..., void>>;
};
template <class Endpoint, int Code>
using status_case_t = typename status_body<Code, typename Endpoint::responses>::case_type;

template <class Visitor, class... Cases>
constexpr std::size_t first_unhandled(std::variant<Cases...> const*) noexcept {
  return first_false<visit_case<Visitor, Cases>::handled...>();
}
template <class Visitor, class... Cases>
constexpr std::size_t first_other_return(std::variant<Cases...> const*) noexcept {
  using first = visit_case_result_t<Visitor, type_at_t<0, type_list<Cases...>>>;
  return first_false<std::is_same_v<first, visit_case_result_t<Visitor, Cases>>...>();
}

// Whether `Visitor` handles every case of the variant the same way; if not, `diagnose_visitor`
// makes the one error that names the first case it fails.
template <class Visitor, class Variant>
constexpr bool visitor_is_complete() noexcept {
  constexpr std::size_t size = std::variant_size_v<Variant>;
  if constexpr (first_unhandled<Visitor>(static_cast<Variant const*>(nullptr)) < size) return false;
  else return first_other_return<Visitor>(static_cast<Variant const*>(nullptr)) == size;
}
template <class Endpoint, class Visitor, class... Cases>
void diagnose_visitor(std::variant<Cases...> const*) noexcept {
  using variant = std::variant<Cases...>;
  constexpr std::size_t unhandled = first_unhandled<Visitor>(static_cast<variant const*>(nullptr));
  if constexpr (unhandled < sizeof...(Cases)) {
    (void)sizeof(diagnostic::visitor_does_not_handle_a_case<Endpoint, type_at_t<unhandled, type_list<Cases...>>>);
  } else {
    constexpr std::size_t other = first_other_return<Visitor>(static_cast<variant const*>(nullptr));
    (void)sizeof(diagnostic::visitor_returns_different_types<Endpoint, type_at_t<other, type_list<Cases...>>>);
  }
}
struct result_access;
}  // namespace detail

/// The outcome of a call to `Endpoint`: exactly one of its documented statuses with the decoded
/// body, an `unexpected_status`, or a `failure`. Handle it with `visit`, which does not compile
/// unless every case is handled, or test for one case with `get_if`.
template <class Endpoint>
class result {
 public:
  using variant_type = typename detail::result_variant<typename Endpoint::responses>::type;

  result(variant_type v) : outcome_(std::move(v)) {}                         // NOLINT: implicit by design
  /// Holds the case `Case` (a `status<Code, Body>`), its body value-initialized.
  template <class Case>
  explicit result(std::in_place_type_t<Case> held) : outcome_(held) {}
  result(apidecl::failure f) : outcome_(std::move(f)) {}                      // NOLINT
  result(unexpected_status s) : outcome_(std::move(s)) {}                     // NOLINT

  /// Calls `visitor` with the case held: a documented status's body (or the whole
  /// `apidecl::status<Code, Body>`, if the visitor takes that), `unexpected_status` or `failure`.
  template <class Visitor>
  decltype(auto) visit(Visitor&& visitor) const {
    using V = std::remove_reference_t<Visitor>;
    if constexpr (detail::visitor_is_complete<V, variant_type>()) {
      return std::visit([&](auto const& c) -> decltype(auto) {
        return detail::visit_case<V, std::decay_t<decltype(c)>>::call(visitor, c);
      }, outcome_);
    } else {
      detail::diagnose_visitor<Endpoint, V>(static_cast<variant_type const*>(nullptr));
      return detail::after_error{};
    }
  }

  /// The HTTP status received, or 0 if there was none (a failure before or during the exchange;
  /// a decode failure keeps its status in `failure().decode()->status`).
  int http_status() const noexcept {
    return std::visit([](auto const& c) -> int {
      using C = std::decay_t<decltype(c)>;
      if constexpr (std::is_same_v<C, unexpected_status>) return c.status;
      else if constexpr (std::is_same_v<C, failure>) return c.decode() ? c.decode()->status : 0;
      else return C::code;
    }, outcome_);
  }

  /// The body of documented status `Code`, if that is what was received.
  template <int Code>
  auto const* get_if() const noexcept {
    auto const* held = std::get_if<detail::status_case_t<Endpoint, Code>>(&outcome_);
    return held ? &held->body : nullptr;
  }

  /// The whole case of documented status `Code` (its body and declared header fields), if that
  /// is what was received.
  template <int Code>
  auto const* get_case_if() const noexcept {
    return std::get_if<detail::status_case_t<Endpoint, Code>>(&outcome_);
  }

  /// The header fields of the response received, as received: empty if there was none (the
  /// request was not sent, or the exchange failed).
  header_list headers() const noexcept {
    if (auto const* u = unexpected_if()) return header_list(u->headers);
    if (auto const* f = failure_if()) return f->decode() ? header_list(f->decode()->headers) : header_list();
    return header_list(headers_);
  }

  /// The value of the first header field named `name` (case-insensitively) in the response
  /// received, if there is one.
  std::optional<std::string_view> header(std::string_view name) const noexcept { return headers().find(name); }

  apidecl::failure const* failure_if() const noexcept { return std::get_if<apidecl::failure>(&outcome_); }
  unexpected_status const* unexpected_if() const noexcept { return std::get_if<unexpected_status>(&outcome_); }

  variant_type const& variant() const noexcept { return outcome_; }

  /// How many times the request was sent: 0 if it never was (it could not be built), more than
  /// 1 if the client's Retry policy sent it again.
  int attempts() const noexcept { return attempts_; }
  /// Set by the client that made the call.
  void record_attempts(int count) noexcept { attempts_ = count; }

 private:
  friend struct detail::result_access;

  variant_type outcome_;
  std::string headers_;  // of a documented status; the other cases keep their own
  int attempts_ = 1;
};

namespace detail {
// Lets decoding fill a body where the result keeps it, so a decoded body is never moved.
struct result_access {
  template <class E>
  static typename result<E>::variant_type& outcome(result<E>& r) noexcept {
    return r.outcome_;
  }
  template <class E>
  static std::string& headers(result<E>& r) noexcept {
    return r.headers_;
  }
};
}  // namespace detail

}  // namespace apidecl

#endif
