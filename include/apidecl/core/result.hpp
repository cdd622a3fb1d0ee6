#ifndef APIDECL_CORE_RESULT_HPP
#define APIDECL_CORE_RESULT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace apidecl {

/// A documented response: status `Code` and its decoded body.
template <int Code, class Body>
struct status {
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
template <class Responses>
struct result_variant;
template <class... On>
struct result_variant<responses<On...>> {
  using type = std::variant<status<On::code, typename On::body>..., unexpected_status, failure>;
};

// How a visitor takes one case: a documented status whole or just its body.
template <class Visitor, class Case>
struct visit_case {
  static constexpr bool handled = std::is_invocable_v<Visitor, Case const&>;
  static decltype(auto) call(Visitor& v, Case const& c) { return v(c); }
};
template <class Visitor, int Code, class Body>
struct visit_case<Visitor, status<Code, Body>> {
  static constexpr bool whole = std::is_invocable_v<Visitor, status<Code, Body> const&>;
  static constexpr bool handled = whole || std::is_invocable_v<Visitor, Body const&>;
  static decltype(auto) call(Visitor& v, status<Code, Body> const& c) {
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
  using type = type_at_t<index, type_list<typename On::body..., void>>;
};
template <class Endpoint, int Code>
using status_body_t = typename status_body<Code, typename Endpoint::responses>::type;

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
    auto const* held = std::get_if<status<Code, detail::status_body_t<Endpoint, Code>>>(&outcome_);
    return held ? &held->body : nullptr;
  }

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
  int attempts_ = 1;
};

namespace detail {
// Lets decoding fill a body where the result keeps it, so a decoded body is never moved.
struct result_access {
  template <class E>
  static typename result<E>::variant_type& outcome(result<E>& r) noexcept {
    return r.outcome_;
  }
};
}  // namespace detail

}  // namespace apidecl

#endif
