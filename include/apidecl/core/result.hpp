#ifndef APIDECL_CORE_RESULT_HPP
#define APIDECL_CORE_RESULT_HPP

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/response_header.hpp>

#include <algorithm>
#include <cstddef>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

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

/// A status of a documented range `First` to `Last` (`on_range`): the status received, its decoded
/// body and the typed header fields `Headers...` it declares.
template <int First, int Last, class Body, class... Headers>
struct status_range {
  static constexpr int first = First;
  static constexpr int last = Last;
  int code = 0;
  Body body;
  header_values<Headers...> headers;
};
/// A status of a documented range that declares no header fields.
template <int First, int Last, class Body>
struct status_range<First, Last, Body> {
  static constexpr int first = First;
  static constexpr int last = Last;
  int code = 0;
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
template <class Endpoint, class Case> inline constexpr bool visitor_does_not_handle_a_case = false;
template <class Endpoint, class Case> inline constexpr bool visitor_returns_different_types = false;
template <class Endpoint, class Code> inline constexpr bool status_is_not_documented = false;
}  // namespace diagnostic

namespace detail {
// The case of a result that documented response `On` makes.
template <class On, class Headers = typename On::headers>
struct case_of;
template <class On, class... Headers>
struct case_of<On, type_list<Headers...>> {
  using type = std::conditional_t<On::code == On::last, status<On::code, typename On::body, Headers...>,
                                  status_range<On::code, On::last, typename On::body, Headers...>>;
};
template <class On>
using case_of_t = typename case_of<On>::type;

template <class Case>
struct case_declares_headers : std::false_type {};
template <int Code, class Body, class First, class... Rest>
struct case_declares_headers<status<Code, Body, First, Rest...>> : std::true_type {};
template <int F, int L, class Body, class First, class... Rest>
struct case_declares_headers<status_range<F, L, Body, First, Rest...>> : std::true_type {};

template <class Case>
struct is_status_range : std::false_type {};
template <int F, int L, class Body, class... Headers>
struct is_status_range<status_range<F, L, Body, Headers...>> : std::true_type {};

// Makes a decoded case in raw storage, or else the failure that says why it could not (decode.hpp).
template <class Serializers>
using decode_case_function = bool (*)(void* storage, response const& r, Serializers const& serializers);

// The documented responses of an endpoint, as decoding walks them: the statuses each documents
// (`firsts[i]` to `lasts[i]`, equal for a single status) and how to make its case. One table per
// endpoint and serializer set (decode.hpp); the walk is compiled once per serializer set.
template <class Serializers>
struct status_table {
  std::size_t count;
  int const* firsts;
  int const* lasts;
  decode_case_function<Serializers> const* decoders;
};

// Where a result being made keeps its case, and the indices of its two cases that no status
// documents.
struct case_slots {
  void* storage;
  unsigned char& index;
  std::string& headers;
  unsigned char unexpected;
  unsigned char failed;
};

// Makes in `to` the case `r` decodes to per `table` (decode.hpp).
template <class Serializers>
void decode_into(status_table<Serializers> const& table, response const& r, Serializers const& serializers,
                 case_slots to);

// The cases a result of an endpoint with `Responses` may hold, in order: each documented status,
// then unexpected_status and failure.
template <class Responses>
struct result_cases;
template <class... On>
struct result_cases<responses<On...>> {
  using type = type_list<case_of_t<On>..., unexpected_status, failure>;
};

// How a result destroys, copies and moves the case it holds in its raw storage: one table per
// case type, shared by every endpoint that documents that case, instead of a std::variant's
// machinery instantiated for each endpoint.
struct case_operations {
  void (*destroy)(void* held) noexcept;
  void (*copy)(void* to, void const* from);
  void (*move)(void* to, void* from);
};
template <class Case>
inline constexpr case_operations operations_of{
    [](void* held) noexcept { static_cast<Case*>(held)->~Case(); },
    [](void* to, void const* from) { ::new (to) Case(*static_cast<Case const*>(from)); },
    [](void* to, void* from) { ::new (to) Case(std::move(*static_cast<Case*>(from))); }};

template <class Cases>
struct case_layout;
template <class... Cases>
struct case_layout<type_list<Cases...>> {
  static constexpr std::size_t size = std::max({sizeof(Cases)...});
  static constexpr std::size_t alignment = std::max({alignof(Cases)...});
  static constexpr case_operations const* operations[] = {&operations_of<Cases>...};
};

// What a result keeps beside its case: the index of the case held, the header text of a
// documented status (the other cases keep their own), and how many attempts were sent.
struct result_state {
  unsigned char index = 0;
  std::string headers;
  int attempts = 1;
};

// A result's copying, moving and ending, written once for every endpoint: an endpoint's part is
// its table of operations (`cases`, by case index). Out of line, so that each is one call in an
// endpoint's code rather than its cases' code inlined there.
[[gnu::noinline]] inline void copy_result(case_operations const* const* cases, void* to, result_state& to_state,
                                          void const* from, result_state const& from_state) {
  to_state.headers = from_state.headers;
  cases[from_state.index]->copy(to, from);
  to_state.index = from_state.index;
  to_state.attempts = from_state.attempts;
}
[[gnu::noinline]] inline void move_result(case_operations const* const* cases, void* to, result_state& to_state,
                                          void* from, result_state& from_state) {
  cases[from_state.index]->move(to, from);
  to_state.index = from_state.index;
  to_state.headers = std::move(from_state.headers);
  to_state.attempts = from_state.attempts;
}
[[gnu::noinline]] inline void end_case(case_operations const* const* cases, void* held, unsigned char index) noexcept {
  cases[index]->destroy(held);
}
// Makes in `to` a case that `operations` handle from `from`, moved or copied.
[[gnu::noinline]] inline void move_case(case_operations const& operations, void* to, void* from) {
  operations.move(to, from);
}
[[gnu::noinline]] inline void copy_case(case_operations const& operations, void* to, void const* from) {
  operations.copy(to, from);
}

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
template <class Visitor, int First, int Last, class Body, class... Headers>
struct visit_case<Visitor, status_range<First, Last, Body, Headers...>> {
  using held = status_range<First, Last, Body, Headers...>;
  static constexpr bool whole = std::is_invocable_v<Visitor, held const&>;
  static constexpr bool handled = whole || std::is_invocable_v<Visitor, Body const&>;
  static decltype(auto) call(Visitor& v, held const& c) {
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
  // The response documenting `Code` on its own, or else the first range holding it: what decode
  // makes of that status.
  static constexpr std::size_t single = first_false<(On::code != Code || On::last != Code)...>();
  static constexpr std::size_t index =
      single < sizeof...(On) ? single : first_false<(Code < On::code || Code > On::last)...>();
  static constexpr bool documented = index < sizeof...(On);
  using case_type = type_at_t<index, type_list<case_of_t<On>..., status<Code, no_content>>>;
};
template <class Endpoint, int Code>
using status_case_t = typename status_body<Code, typename Endpoint::responses>::case_type;
template <class Endpoint, int Code>
inline constexpr bool documents_status_v = status_body<Code, typename Endpoint::responses>::documented;

template <class Visitor, class... Cases>
constexpr std::size_t first_unhandled(type_list<Cases...>) noexcept {
  return first_false<visit_case<Visitor, Cases>::handled...>();
}
template <class Visitor, class... Cases>
constexpr std::size_t first_other_return(type_list<Cases...>) noexcept {
  using first = visit_case_result_t<Visitor, type_at_t<0, type_list<Cases...>>>;
  return first_false<std::is_same_v<first, visit_case_result_t<Visitor, Cases>>...>();
}

// Whether `Visitor` handles every one of `Cases` the same way; if not, `diagnose_visitor` makes
// the one error that names the first case it fails.
template <class Visitor, class Cases>
constexpr bool visitor_is_complete() noexcept {
  if constexpr (first_unhandled<Visitor>(Cases{}) < Cases::size) return false;
  else return first_other_return<Visitor>(Cases{}) == Cases::size;
}
template <class Endpoint, class Visitor, class... Cases>
void diagnose_visitor(type_list<Cases...> cases) noexcept {
  constexpr std::size_t unhandled = first_unhandled<Visitor>(cases);
  if constexpr (unhandled < sizeof...(Cases)) {
    static_assert(diagnostic::visitor_does_not_handle_a_case<Endpoint, type_at_t<unhandled, type_list<Cases...>>>,
                  "apidecl: the visitor handles no case of this result: add a callable taking the body type "
                  "(or apidecl::status<Code, Body>), apidecl::unexpected_status or apidecl::failure");
  } else {
    constexpr std::size_t other = first_other_return<Visitor>(cases);
    static_assert(diagnostic::visitor_returns_different_types<Endpoint, type_at_t<other, type_list<Cases...>>>,
                  "apidecl: every callable of a visitor must return the same type; this case returns another");
  }
}
struct result_access;
}  // namespace detail

/// The outcome of a call to `Endpoint`: exactly one of its documented statuses with the decoded
/// body, an `unexpected_status`, or a `failure`. Handle it with `visit`, which does not compile
/// unless every case is handled, or test for one case with `get_if`.
template <class Endpoint>
class result {
  using cases = typename detail::result_cases<typename Endpoint::responses>::type;
  using layout = detail::case_layout<cases>;
  template <class Case>
  static constexpr std::size_t index_of_case = detail::index_of_in<Case>(cases{});

 public:
  /// Holds `held`: a documented case (`apidecl::status<Code, Body, Headers...>`), an
  /// `unexpected_status` or a `failure`.
  template <class Case, class Held = detail::remove_cvref_t<Case>,
            class = std::enable_if_t<index_of_case<Held> != detail::npos>>
  result(Case&& held) {  // NOLINT: implicit by design
    if constexpr (std::is_lvalue_reference_v<Case> || std::is_const_v<std::remove_reference_t<Case>>)
      detail::copy_case(detail::operations_of<Held>, storage_, &held);
    else
      detail::move_case(detail::operations_of<Held>, storage_, &held);
    state_.index = static_cast<unsigned char>(index_of_case<Held>);
  }
  result(result const& other) { detail::copy_result(layout::operations, storage_, state_, other.storage_, other.state_); }
  result(result&& other) { detail::move_result(layout::operations, storage_, state_, other.storage_, other.state_); }
  result& operator=(result const& other) {
    if (this != &other) *this = result(other);
    return *this;
  }
  result& operator=(result&& other) {
    if (this == &other) return *this;
    detail::end_case(layout::operations, storage_, state_.index);
    detail::move_result(layout::operations, storage_, state_, other.storage_, other.state_);
    return *this;
  }
  ~result() { detail::end_case(layout::operations, storage_, state_.index); }

  /// Calls `visitor` with the case held: a documented status's body (or the whole
  /// `apidecl::status<Code, Body>`, if the visitor takes that), `unexpected_status` or `failure`.
  template <class Visitor>
  decltype(auto) visit(Visitor&& visitor) const {
    using V = std::remove_reference_t<Visitor>;
    if constexpr (detail::visitor_is_complete<V, cases>()) {
      return visit_from<0>(visitor);
    } else {
      detail::diagnose_visitor<Endpoint, V>(cases{});
      return detail::after_error{};
    }
  }

  /// The HTTP status received, or 0 if there was none (a failure before or during the exchange;
  /// a decode failure keeps its status in `failure().decode()->status`).
  int http_status() const noexcept {
    if (auto const* u = unexpected_if()) return u->status;
    if (auto const* f = failure_if()) return f->decode() ? f->decode()->status : 0;
    return documented_code(cases{});
  }

  /// The body of documented status `Code`, if that is what was received.
  template <int Code>
  auto const* get_if() const noexcept {
    auto const* held = get_case_if<Code>();
    return held ? &held->body : nullptr;
  }

  /// The whole case of documented status `Code` (its body and declared header fields), if that
  /// is what was received: an `apidecl::status<Code, ...>`, or the `apidecl::status_range` of the
  /// range that documents `Code`.
  template <int Code>
  auto const* get_case_if() const noexcept {
    using case_type = detail::status_case_t<Endpoint, Code>;
    if constexpr (detail::documents_status_v<Endpoint, Code>) {
      case_type const* held = held_if<case_type>();
      if constexpr (detail::is_status_range<case_type>::value) return held && held->code == Code ? held : nullptr;
      else return held;
    } else {
      static_assert(diagnostic::status_is_not_documented<Endpoint, std::integral_constant<int, Code>>,
                    "apidecl: get_if<Code> and get_case_if<Code> take a status the endpoint documents in its responses");
      return static_cast<case_type const*>(nullptr);
    }
  }

  apidecl::failure const* failure_if() const noexcept { return held_if<apidecl::failure>(); }
  unexpected_status const* unexpected_if() const noexcept { return held_if<unexpected_status>(); }

  /// The header fields of the response received, as received: empty if there was none (the
  /// request was not sent, or the exchange failed).
  header_list headers() const noexcept {
    if (auto const* u = unexpected_if()) return header_list(u->headers);
    if (auto const* f = failure_if()) return f->decode() ? header_list(f->decode()->headers) : header_list();
    return header_list(state_.headers);
  }

  /// The value of the first header field named `name` (case-insensitively) in the response
  /// received, if there is one.
  std::optional<std::string_view> header(std::string_view name) const noexcept { return headers().find(name); }

  /// How many times the request was sent: 0 if it never was (it could not be built), more than
  /// 1 if the client's Retry policy sent it again.
  int attempts() const noexcept { return state_.attempts; }
  /// Set by the client that made the call.
  void record_attempts(int count) noexcept { state_.attempts = count; }

 private:
  friend struct detail::result_access;

  // Decodes in place, so the body is never moved (decode.hpp).
  template <class Serializers>
  result(detail::status_table<Serializers> const& table, response const& r, Serializers const& serializers) {
    detail::decode_into(table, r, serializers,
                        detail::case_slots{storage_, state_.index, state_.headers,
                                           static_cast<unsigned char>(index_of_case<unexpected_status>),
                                           static_cast<unsigned char>(index_of_case<apidecl::failure>)});
  }

  template <class Case>
  Case const* held_if() const noexcept {
    if (state_.index != index_of_case<Case>) return nullptr;
    return std::launder(reinterpret_cast<Case const*>(storage_));
  }

  template <std::size_t I, class Visitor>
  decltype(auto) visit_from(Visitor& visitor) const {
    using held = detail::type_at_t<I, cases>;
    if constexpr (I + 1 < cases::size) {
      if (state_.index != I) return visit_from<I + 1>(visitor);
    }
    return detail::visit_case<Visitor, held>::call(visitor, *std::launder(reinterpret_cast<held const*>(storage_)));
  }

  template <class... Cases>
  int documented_code(detail::type_list<Cases...>) const noexcept {
    constexpr int codes[] = {code_of<Cases>()...};
    if constexpr ((detail::is_status_range<Cases>::value || ...)) {
      using read_code = int (*)(void const* held) noexcept;
      static constexpr read_code range_codes[] = {&held_code<Cases>...};
      if (codes[state_.index] < 0) return range_codes[state_.index](storage_);
    }
    return codes[state_.index];
  }
  // The code of a case: a documented status's own, -1 for a range (its case holds the code).
  template <class Case>
  static constexpr int code_of() noexcept {
    if constexpr (std::is_same_v<Case, unexpected_status> || std::is_same_v<Case, apidecl::failure>) return 0;
    else if constexpr (detail::is_status_range<Case>::value) return -1;
    else return Case::code;
  }
  template <class Case>
  static int held_code(void const* held) noexcept {
    if constexpr (detail::is_status_range<Case>::value) return std::launder(static_cast<Case const*>(held))->code;
    else return 0;
  }

  alignas(layout::alignment) unsigned char storage_[layout::size];
  detail::result_state state_;
};

namespace detail {
// Lets decoding fill a body where the result keeps it, so a decoded body is never moved.
struct result_access {
  /// The result of decoding `r` per `table`, in place.
  template <class E, class Serializers>
  static result<E> decoded(status_table<Serializers> const& table, response const& r, Serializers const& serializers) {
    return result<E>(table, r, serializers);
  }
};
}  // namespace detail

}  // namespace apidecl

#endif
