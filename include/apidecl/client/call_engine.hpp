#ifndef APIDECL_CLIENT_CALL_ENGINE_HPP
#define APIDECL_CLIENT_CALL_ENGINE_HPP

#include <apidecl/auth/auth.hpp>
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
#include <apidecl/retry/attempt.hpp>
#include <apidecl/retry/retry_decision.hpp>
#include <apidecl/transport/call_options.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace apidecl::detail {

/// What the driver of a call does next.
enum class call_step {
  send,  ///< sends `request()` with `attempt_options(now)` and hands what came back to `received`
  wait,  ///< calls `resume` once its clock reaches `due()`
  done,  ///< takes the result with `take_result()`
};

/// The life of one call, written once and driven by every way of calling: the blocking `call`,
/// which sleeps through its waits, and `start`/`poll`, which come back when an exchange ends or a
/// wait is over.
///
///     begin     build the request, once  --> authenticate --> send
///     received  decide: done (decoded with the endpoint object given) or wait
///     resume    authenticate anew --> send
///
/// Each attempt is authenticated anew, so a signature carries the time it is sent at; the
/// request itself is built once, so a retry neither re-encodes the body nor needs the caller's
/// arguments to outlive `begin`. The engine neither sends, waits nor reads a clock: its driver
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
  template <class Serializers, class Auth, class Observer, class... Args>
  call_step begin(Serializers const& serializers, Auth& auth, Observer& observer, Args const&... args) {
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
    return authenticate(auth, observer, began_);
  }

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

  /// The attempt ended at `now` with `outcome`: asks `retry` whether to go again.
  template <class Retry, class Serializers, class Observer>
  call_step received(transport_result const& outcome, Retry& retry, Serializers const& serializers, Observer& observer,
                     std::chrono::milliseconds now) {
    notify(observer, attempt_ended{info, attempts_, outcome ? outcome->status : 0,
                                   outcome ? outcome->headers : header_list(), outcome ? nullptr : &outcome.error(),
                                   now - attempt_began_});
    retry_decision const decision = retry.decide(make_attempt<Endpoint>(attempts_, outcome, now - began_, time_left(now)));
    std::optional<std::chrono::milliseconds> const left = time_left(now);
    bool const in_time = !left || decision.delay() < *left;
    // Last, so that a streamed body's source is rewound only for an attempt that will be made.
    if (!decision.should_retry() || cancelled_ || !in_time || !body_rewound()) {
      return finish(outcome ? decode(endpoint_, *outcome, serializers) : result<Endpoint>(failure(outcome.error())),
                    observer, now);
    }
    due_ = now + decision.delay();
    notify(observer, retry_scheduled{info, attempts_ + 1, decision.delay(), decision.reason()});
    return call_step::wait;
  }

  /// When the wait ends, during a `wait` step.
  std::chrono::milliseconds due() const noexcept { return due_; }

  /// The wait is over (or the call was cancelled during it) at `now`: authenticates the next attempt.
  template <class Auth, class Observer>
  call_step resume(Auth& auth, Observer& observer, std::chrono::milliseconds now) {
    if (cancelled_)
      return finish(failure(transport_error{transport_errc::cancelled, true, "cancelled while waiting to retry"}),
                    observer, now);
    if (std::optional<std::chrono::milliseconds> const left = time_left(now); left && left->count() <= 0)
      return finish(failure(transport_error{transport_errc::timed_out, true, "the deadline passed while waiting to retry"}),
                    observer, now);
    ++attempts_;
    return authenticate(auth, observer, now);
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

  // Lets `auth` add its fields after the built request, which stays as it was built, and tells
  // `observer` of the attempt about to be sent at `now`.
  template <class Auth, class Observer>
  call_step authenticate(Auth& auth, Observer& observer, std::chrono::milliseconds now) {
    for (;;) {
      writer out(storage_.data(), storage_.size(), built_end_);
      std::string_view const built(storage_.data(), built_end_);
      apidecl::request const unsigned_request(method_, built.substr(body_end_, target_end_ - body_end_),
                                              built.substr(target_end_), built.substr(0, body_end_));
      secrets_.keep_first(built_secrets_);  // the fields of an earlier attempt's authentication are gone
      build_result const signed_request =
          detail::authenticate(auth, unsigned_request, out, records_secrets<Observer> ? &secrets_ : nullptr);
      if (signed_request) {
        request_ = signed_request->with_body_source(source_);
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
