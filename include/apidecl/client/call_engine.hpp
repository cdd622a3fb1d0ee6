#ifndef APIDECL_CLIENT_CALL_ENGINE_HPP
#define APIDECL_CLIENT_CALL_ENGINE_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/auth/session.hpp>
#include <apidecl/client/observer.hpp>
#include <apidecl/client/streaming.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/header_list.hpp>
#include <apidecl/core/redaction.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/core/result.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/clock/utc_clock.hpp>
#include <apidecl/limit/limiter.hpp>
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/types/retry_after.hpp>
#include <apidecl/transport/call_options.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace apidecl::detail {

/// What the driver of a call does next.
enum class call_step {
  send,  ///< sends `request()` with `attempt_options(now)` and hands what came back to `received`
  wait,  ///< calls `resume` once its clock reaches `due()`
  renew,  ///< calls the Session's `login_endpoint` with its `login_arguments()`, then `renewed` with what `accept` said
  done,  ///< takes the result with `take_result()`
};

/// The life of one call, written once and driven by every way of calling: the blocking `call`,
/// which sleeps through its waits, and `start`/`poll`, which come back when an exchange ends or a
/// wait is over.
///
///     begin     build the request, once  --> admit --> authenticate --> send
///               (or renew first, a Session saying it has no credentials yet)
///     received  refused by a Session: renew (once per call); else decide: done (decoded with
///               the endpoint object given) or wait
///     renewed   the new credentials into the built request --> admit
///     resume    admit --> authenticate anew --> send
///     admit     the Limiter's slot, or wait for one
///
/// Each attempt waits for its Limiter's slot, then is authenticated anew, so a signature carries
/// the time it is sent at; the request itself is built once, so a retry neither re-encodes the
/// body nor needs the caller's arguments to outlive `begin` (a Session's renewed query values are
/// written over the old ones in place). The engine neither sends, waits nor reads a clock: its driver
/// does, and tells it the time at each step. A caller's deadline (`call_options::deadline`) is
/// kept here, whatever the Retry policy decides.
template <class Endpoint>
class call_engine {
 public:
  /// A call to `endpoint` that builds its request into `storage`, growing it as needed, and
  /// begins at `now`.
  call_engine(Endpoint const& endpoint, call_options const& options, std::vector<char>& storage,
              std::chrono::milliseconds now)
      : endpoint_(endpoint), options_(options), storage_(storage), began_(now) {}

  call_engine(call_engine const&) = delete;
  call_engine& operator=(call_engine const&) = delete;

  /// Builds the request for `args` and authenticates its first attempt, telling `observer`.
  template <class Serializers, class Auth, class Limiter, class Observer, class... Args>
  call_step begin(Serializers const& serializers, Auth& auth, Limiter& limiter, Observer& observer,
                  Args const&... args) {
    notify(observer, call_started{info});
    if (storage_.size() < initial_storage) storage_.resize(initial_storage);
    build_result built = build_into_storage<Observer>(serializers, args...);
    if (!built && built.error().code == validation_error::code::request_too_large) {
      storage_.resize(built.error().needed);  // the size it needs, so the second try fits
      built = build_into_storage<Observer>(serializers, args...);
    }
    if (!built) return finish(failure(built.error()), observer, began_);
    method_ = built->method();
    source_ = built->body_source();
    body_end_ = built->body().size();
    target_end_ = body_end_ + built->target().size();
    built_end_ = target_end_ + built->headers().text().size();
    built_secrets_ = secrets_.size();
    if constexpr (is_session_v<Auth>) {
      if (!std::is_same_v<Endpoint, typename Auth::login_endpoint> && renewable_ && must_log_in_first(auth)) {
        renewable_ = false;
        return call_step::renew;  // nothing sent: the attempt after the login is the first
      }
    }
    return admit(auth, limiter, observer, began_);
  }

  /// The call names its own values for the Session's `arguments()`: a refusal is its result,
  /// renewing nothing.
  void keep_credentials() noexcept { renewable_ = false; }

  /// The attempt to send: valid from a `send` step until the next step.
  apidecl::request const& request() const noexcept { return request_; }

  /// The limits of the attempt sent at `now`: the caller's, its `total_timeout` cut to the time
  /// left before its deadline.
  call_options attempt_options(std::chrono::milliseconds now) const noexcept {
    call_options o = options_;
    if (std::optional<std::chrono::milliseconds> const left = time_left(now)) {
      std::chrono::milliseconds const bounded = std::max(*left, std::chrono::milliseconds(1));  // 0 means no limit
      o.total_timeout = o.total_timeout.count() == 0 ? bounded : std::min(o.total_timeout, bounded);
    }
    if (o.response_into) o.response_into = o.response_into.for_statuses(&takes_streamed_body<Endpoint>);
    return o;
  }

  /// The attempt ended at `now` with `outcome`: a 429's Retry-After pauses `limiter`; credentials
  /// a Session `auth` says were refused are renewed once; else asks `retry` whether to go again.
  template <class Retry, class Serializers, class Auth, class Limiter, class Observer>
  call_step received(transport_result const& outcome, Retry& retry, Serializers const& serializers, Auth& auth,
                     Limiter& limiter, Observer& observer, std::chrono::milliseconds now) {
    notify(observer, attempt_ended{info, attempts_, outcome ? outcome->status : 0,
                                   outcome ? outcome->headers : header_list(), outcome ? nullptr : &outcome.error(),
                                   now - attempt_began_});
    if constexpr (!std::is_same_v<Limiter, no_limit>) {
      if (outcome && outcome->status == 429) {
        if (std::optional<std::chrono::seconds> const asked = requested_retry_delay(outcome->headers, system_utc_clock{}))
          limiter.pause_until(now + *asked, now);
      }
    }
    if constexpr (is_session_v<Auth>) {
      // The login itself is never renewed: its refusal is the login's failure.
      if (!std::is_same_v<Endpoint, typename Auth::login_endpoint> && renewable_ && !cancelled_ && outcome &&
          auth.refused(*outcome)) {
        renewable_ = false;
        ++attempts_;
        // Renewed meanwhile by another client of the session: its credentials serve, no login.
        if (take_credentials(auth)) return admit(auth, limiter, observer, now);
        return call_step::renew;
      }
    }
    retry_decision const decision = retry.decide(make_attempt<Endpoint>(attempts_, outcome, now - began_, time_left(now)));
    std::optional<std::chrono::milliseconds> const left = time_left(now);
    bool const in_time = !left || decision.delay() < *left;
    // Last, so that a streamed body's source is rewound only for an attempt that will be made.
    if (!decision.should_retry() || cancelled_ || !in_time || !body_rewound()) {
      return finish(outcome ? decode(endpoint_, *outcome, serializers) : result<Endpoint>(failure(outcome.error())),
                    observer, now);
    }
    due_ = now + decision.delay();
    retrying_ = true;
    notify(observer, retry_scheduled{info, attempts_ + 1, decision.delay(), decision.reason()});
    return call_step::wait;
  }

  /// When the wait ends, during a `wait` step.
  std::chrono::milliseconds due() const noexcept { return due_; }

  /// The Session's login ended at `now`, `accept` saying `login`: with new credentials, the
  /// call is repeated; without, it ends, naming why.
  template <class Auth, class Limiter, class Observer>
  call_step renewed(auth_result login, Auth& auth, Limiter& limiter, Observer& observer, std::chrono::milliseconds now) {
    if (cancelled_)
      return finish(failure(transport_error{transport_errc::cancelled, true, "cancelled while logging in again"}),
                    observer, now);
    if (!login)
      return finish(failure(validation_error{validation_error::code::cannot_authenticate, {}, login.problem(), 0}),
                    observer, now);
    take_credentials(auth);
    return admit(auth, limiter, observer, now);
  }

  /// The wait is over (or the call was cancelled during it) at `now`: admits the next attempt.
  template <class Auth, class Limiter, class Observer>
  call_step resume(Auth& auth, Limiter& limiter, Observer& observer, std::chrono::milliseconds now) {
    if (cancelled_)
      return finish(failure(transport_error{transport_errc::cancelled, true,
                                            retrying_ ? "cancelled while waiting to retry"
                                                      : "cancelled while waiting for the rate limit"}),
                    observer, now);
    if (std::optional<std::chrono::milliseconds> const left = time_left(now); left && left->count() <= 0)
      return finish(failure(transport_error{transport_errc::timed_out, true, "the deadline passed while waiting to retry"}),
                    observer, now);
    if (std::exchange(retrying_, false)) ++attempts_;
    return admit(auth, limiter, observer, now);
  }

  /// Asks the call to end: at once if it is waiting (`resume` ends it), with the outcome of its
  /// exchange if one is in flight (without a retry). False if it has ended or was cancelled already.
  bool cancel() noexcept {
    if (done_ || cancelled_) return false;
    cancelled_ = true;
    return true;
  }
  bool cancelled() const noexcept { return cancelled_; }

  /// The result, once a step said `done`.
  result<Endpoint> take_result() noexcept { return std::move(result_); }

 private:
  static constexpr std::size_t initial_storage = 1024;

  // Where the secrets lie is recorded only for an observer of the request sent, the one reader
  // of the record: a call no one observes costs nothing more for it.
  template <class Observer>
  static constexpr bool records_secrets = observes<Observer, attempt_sending>::value;

  template <class Observer, class Serializers, class... Args>
  build_result build_into_storage(Serializers const& serializers, Args const&... args) {
    writer out(storage_.data(), storage_.size());
    if constexpr (records_secrets<Observer>) {
      secrets_.keep_first(0);
      return build_recording_secrets<Endpoint>(out, secrets_, serializers, args...);
    } else {
      return build_into<Endpoint>(out, serializers, args...);
    }
  }

  // Takes a slot from `limiter` for the attempt about to be authenticated at `now`, or waits for
  // one: as long as the limiter says, if the deadline allows.
  template <class Auth, class Limiter, class Observer>
  call_step admit(Auth& auth, Limiter& limiter, Observer& observer, std::chrono::milliseconds now) {
    if constexpr (!std::is_same_v<Limiter, no_limit>) {
      std::chrono::milliseconds const wait = limiter.acquire(info, now);
      if (wait.count() > 0) {
        if (std::optional<std::chrono::milliseconds> const left = time_left(now); left && wait >= *left)
          return finish(failure(transport_error{transport_errc::timed_out, false,
                                                "the deadline would pass while waiting for the rate limit"}),
                        observer, now);
        due_ = now + wait;
        return call_step::wait;
      }
    }
    return authenticate(auth, observer, now);
  }

  // Puts the current values of the Session's `arguments()` in the built request, in place of
  // those it was built with. Returns whether any changed.
  template <class Auth>
  bool take_credentials([[maybe_unused]] Auth& auth) {
    if constexpr (std::tuple_size_v<typename auth_arguments<Auth>::type> == 0) {
      return false;  // all in header fields, written anew at each attempt
    } else {
      bool changed = false;
      std::apply([&](auto const&... supplied) { ((changed = take_credential(supplied) || changed), ...); },
                 auth.arguments());
      return changed;
    }
  }
  template <class Arg>
  bool take_credential(Arg const& supplied) {
    using parameter = typename Arg::parameter;
    if constexpr (index_of_in<parameter>(endpoint_params_t<Endpoint>{}) == npos) {
      return false;
    } else {
      value_span const at = find_query_value(storage_.data(), body_end_, target_end_, parameter::name);
      if (!at.found) return false;
      replacement const done = replace_query_value(storage_, built_end_, at, std::string_view(supplied.value));
      if (!done.changed) return false;
      auto const move = [&](std::size_t& offset) { offset = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + done.growth); };
      std::size_t new_end = at.end;
      move(new_end);
      secrets_.replaced(at.begin, at.end, new_end);
      move(target_end_);
      move(built_end_);
      return true;
    }
  }

  // Lets `auth` add its fields after the built request, which stays as it was built, and tells
  // `observer` of the attempt about to be sent at `now`.
  template <class Auth, class Observer>
  call_step authenticate(Auth& auth, Observer& observer, std::chrono::milliseconds now) {
    for (;;) {
      writer out(storage_.data(), storage_.size(), built_end_);
      std::string_view const built(storage_.data(), built_end_);
      apidecl::request const unsigned_request =
          apidecl::request(method_, built.substr(body_end_, target_end_ - body_end_), built.substr(target_end_),
                           built.substr(0, body_end_))
              .with_body_source(source_);  // the Auth policy sees, and the attempt sends, the streamed body
      secrets_.keep_first(built_secrets_);  // the fields of an earlier attempt's authentication are gone
      build_result const signed_request =
          detail::authenticate(auth, unsigned_request, out, records_secrets<Observer> ? &secrets_ : nullptr);
      if (signed_request) {
        request_ = *signed_request;
        attempt_began_ = now;
        if constexpr (observes<Observer, attempt_sending>::value)
          observer.on(attempt_sending{info, attempts_, redacted_request(request_, storage_.data(), secrets_)});
        return call_step::send;
      }
      validation_error const& error = signed_request.error();
      if (error.code != validation_error::code::request_too_large || error.needed <= storage_.size())
        return finish(failure(error), observer, now);
      storage_.resize(error.needed);
    }
  }

  // Whether the body can be sent again from its first byte: always from memory, from a source
  // only if it rewinds.
  bool body_rewound() const noexcept { return !source_ || source_.rewind(); }

  std::optional<std::chrono::milliseconds> time_left(std::chrono::milliseconds now) const noexcept {
    if (options_.deadline.count() == 0) return std::nullopt;
    return options_.deadline - (now - began_);
  }

  // Sent `attempts_` times, or never if nothing could be built or authenticated.
  template <class Observer>
  call_step finish(result<Endpoint> r, Observer& observer, std::chrono::milliseconds now) {
    failure const* const failed = r.failure_if();
    bool const sent = failed == nullptr || failed->kind() != failure_kind::validation;
    r.record_attempts(sent ? attempts_ : attempts_ - 1);
    if constexpr (observes<Observer, call_completed>::value) {
      call_outcome outcome = r.unexpected_if() ? call_outcome::unexpected_status : call_outcome::documented;
      if (failed) {
        outcome = failed->kind() == failure_kind::validation  ? call_outcome::validation_failure
                  : failed->kind() == failure_kind::transport ? call_outcome::transport_failure
                                                               : call_outcome::decode_failure;
      }
      observer.on(call_completed{info, outcome, r.http_status(), r.attempts(), now - began_});
    }
    result_ = std::move(r);
    done_ = true;
    return call_step::done;
  }

  static constexpr endpoint_info const& info = endpoint_info_of<Endpoint>;

  Endpoint endpoint_;
  call_options options_;
  std::vector<char>& storage_;
  std::chrono::milliseconds began_;
  std::chrono::milliseconds due_{0};
  std::chrono::milliseconds attempt_began_{0};
  int attempts_ = 1;  // the attempt being made
  bool cancelled_ = false;
  bool retrying_ = false;   // the wait is a retry's, so resuming makes a new attempt
  bool renewable_ = true;   // a Session's refusal may still be answered by a login
  // Where the built request lies in `storage_`: [body][target][header fields], then Auth's fields.
  apidecl::method method_ = apidecl::method::get;
  body_source_ref source_;  // a streamed body's, sent with each attempt
  std::size_t body_end_ = 0;
  std::size_t target_end_ = 0;
  std::size_t built_end_ = 0;
  apidecl::request request_;
  redactions secrets_;          // where the secret values of request_ lie in storage_
  std::size_t built_secrets_ = 0;  // those of the built request, before the Auth policy's
  bool done_ = false;
  // What the call came to, once done_. Until then a placeholder: holding a result rather than an
  // optional one saves each endpoint an instantiation of std::optional's machinery.
  result<Endpoint> result_ = failure(validation_error{});
};

}  // namespace apidecl::detail

#endif
