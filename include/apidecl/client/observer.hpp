#ifndef APIDECL_CLIENT_OBSERVER_HPP
#define APIDECL_CLIENT_OBSERVER_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/redaction.hpp>
#include <apidecl/detail/type_list.hpp>

#include <chrono>
#include <string_view>
#include <type_traits>
#include <utility>

/// **Observer requirement.** Told what each call does, for logs, metrics and traces. A type `O`
/// is an Observer if, for an `O& o`, `o.on(e)` is valid for at least one of the events below
/// (`e` a const reference to it); it is told only the events it takes, and a client without one
/// pays nothing. Several compose with `|`: `apidecl::make_client(http, log | metrics)` (for two
/// observers of your own, `apidecl::observe(mine) | yours`).
///
///     call_started      the call's endpoint
///     attempt_sending   the attempt's number and the request as sent, secrets shown as ***
///     attempt_ended     the status and header fields, or the transport error, and its duration
///     retry_scheduled   the next attempt's number, the wait, and why
///     rate_limited      the attempt about to be sent waits for the client's Limiter, and how long
///     call_completed    what the call came to (a documented status, an unexpected one, a failure
///                       of which kind), its attempts and its duration
///
/// Every event carries the endpoint's static description (`endpoint_info`: its name, method and
/// path template), so that metrics and spans are named after the template, not the URL.
///
/// An observer observes: it cannot change the request. Signing and header fields are the Auth
/// policy's, which runs before each attempt is sent; an observer that could edit requests would
/// be a second, unordered Auth policy, and a signature would no longer cover what is sent.
/// Events are given by const reference, valid during the call of `on` only.
///
/// Exemplar:
///
///     struct count_calls {
///       int* calls;
///       void on(apidecl::call_completed const&) { ++*calls; }
///     };
///     static_assert(apidecl::is_observer_v<count_calls>);
namespace apidecl {

/// What an event says of its endpoint: known at compile time, the same for every call.
struct endpoint_info {
  std::string_view name;  ///< the descriptor's `name` if it has one, else its path template
  apidecl::method method = apidecl::method::get;
  std::string_view path_template;  ///< e.g. "/api/quote/{quote_id}/authorize"
};

struct call_started {
  endpoint_info const& endpoint;
};
struct attempt_sending {
  endpoint_info const& endpoint;
  int number;                        ///< 1 for the first attempt
  redacted_request const& request;   ///< as sent, secrets shown as ***
};
struct attempt_ended {
  endpoint_info const& endpoint;
  int number;
  int status;                          ///< 0 if there was no response
  header_list headers;                 ///< the response's, empty if there was none
  transport_error const* error;        ///< why there was no response, if there was none
  std::chrono::milliseconds duration;  ///< from sending to the outcome
};
struct retry_scheduled {
  endpoint_info const& endpoint;
  int next_number;
  std::chrono::milliseconds delay;
  std::string_view reason;  ///< the Retry policy's
};
/// An attempt waits for a slot of the client's Limiter (limit/limiter.hpp) before it is sent:
/// told once per wait, so a call waiting for the limit is not mistaken for a hung one.
struct rate_limited {
  endpoint_info const& endpoint;
  int number;                     ///< the attempt that waits
  std::chrono::milliseconds wait;  ///< how long, as the limiter says
};
/// What a call came to, in kinds a metric can count.
enum class call_outcome { documented, unexpected_status, validation_failure, transport_failure, decode_failure };
/// The outcome's name, as logs and metric labels spell it: "documented", "unexpected_status", ...
constexpr std::string_view outcome_name(call_outcome outcome) noexcept {
  switch (outcome) {
    case call_outcome::documented: return "documented";
    case call_outcome::unexpected_status: return "unexpected_status";
    case call_outcome::validation_failure: return "validation_failure";
    case call_outcome::transport_failure: return "transport_failure";
    case call_outcome::decode_failure: return "decode_failure";
  }
  return "unknown";
}
struct call_completed {
  endpoint_info const& endpoint;
  call_outcome outcome;
  int status;    ///< the HTTP status, 0 if none
  int attempts;  ///< how many times the request was sent
  std::chrono::milliseconds duration;  ///< from the start of the call
};

namespace detail {
template <class O, class Event, class = void>
struct observes : std::false_type {};
template <class O, class Event>
struct observes<O, Event, std::void_t<decltype(std::declval<O&>().on(std::declval<Event const&>()))>> : std::true_type {};

/// Tells `observer` of `event` if it takes that event; nothing otherwise.
template <class Observer, class Event>
void notify(Observer& observer, Event const& event) {
  if constexpr (observes<Observer, Event>::value) observer.on(event);
}

template <class E, class = void>
struct endpoint_name {
  static constexpr std::string_view value = E::path;
};
template <class E>
struct endpoint_name<E, std::enable_if_t<std::is_convertible_v<decltype(E::name), std::string_view>>> {
  static constexpr std::string_view value = E::name;
};
}  // namespace detail

/// Whether `O` models Observer: it takes at least one of the events.
template <class O>
inline constexpr bool is_observer_v =
    detail::observes<O, call_started>::value || detail::observes<O, attempt_sending>::value ||
    detail::observes<O, attempt_ended>::value || detail::observes<O, retry_scheduled>::value ||
    detail::observes<O, rate_limited>::value || detail::observes<O, call_completed>::value;

/// The static description of `Endpoint` that every event carries.
template <class Endpoint>
inline constexpr endpoint_info endpoint_info_of{detail::endpoint_name<Endpoint>::value, Endpoint::method, Endpoint::path};

/// The observer of a client that has none: it takes no event, so nothing is made for it.
struct no_observer {};

/// Two observers told of every event in turn, as `a | b` makes them.
template <class First, class Second>
struct observers {
  First first;
  Second second;
  template <class Event>
  auto on(Event const& event) -> std::enable_if_t<detail::observes<First, Event>::value ||
                                                  detail::observes<Second, Event>::value> {
    detail::notify(first, event);
    detail::notify(second, event);
  }
};

/// Composes two observers: each is told of the events it takes, `a` first. Found by argument-
/// dependent lookup when either is apidecl's; for two of your own, start with `observe(a) | b`.
template <class A, class B, std::enable_if_t<is_observer_v<A> && is_observer_v<B>, int> = 0>
observers<A, B> operator|(A a, B b) {
  return {std::move(a), std::move(b)};
}

/// `observer` as an apidecl type, so that `observe(a) | b` composes observers of your own.
template <class Observer, std::enable_if_t<is_observer_v<Observer>, int> = 0>
observers<Observer, no_observer> observe(Observer observer) {
  return {std::move(observer), {}};
}

}  // namespace apidecl

#endif
