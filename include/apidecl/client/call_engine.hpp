#ifndef APIDECL_CLIENT_CALL_ENGINE_HPP
#define APIDECL_CLIENT_CALL_ENGINE_HPP

#include <apidecl/auth/auth.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/failure.hpp>
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

  /// Builds the request for `args` and authenticates its first attempt.
  template <class Serializers, class Auth, class... Args>
  call_step begin(Serializers const& serializers, Auth& auth, Args const&... args) {
    if (storage_.size() < initial_storage) storage_.resize(initial_storage);
    build_result built = build_into_storage(serializers, args...);
    if (!built && built.error().code == validation_error::code::request_too_large) {
      storage_.resize(built.error().needed);  // the size it needs, so the second try fits
      built = build_into_storage(serializers, args...);
    }
    if (!built) return finish(failure(built.error()));
    method_ = built->method();
    body_end_ = built->body().size();
    target_end_ = body_end_ + built->target().size();
    built_end_ = target_end_ + built->headers().text().size();
    return authenticate(auth);
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
    return o;
  }

  /// The attempt ended at `now` with `outcome`: asks `retry` whether to go again.
  template <class Retry, class Serializers>
  call_step received(transport_result const& outcome, Retry& retry, Serializers const& serializers,
                     std::chrono::milliseconds now) {
    retry_decision const decision = retry.decide(make_attempt<Endpoint>(attempts_, outcome, now - began_, time_left(now)));
    std::optional<std::chrono::milliseconds> const left = time_left(now);
    bool const in_time = !left || decision.delay() < *left;
    if (!decision.should_retry() || cancelled_ || !in_time) {
      return finish(outcome ? decode(endpoint_, *outcome, serializers) : result<Endpoint>(failure(outcome.error())));
    }
    due_ = now + decision.delay();
    return call_step::wait;
  }

  /// When the wait ends, during a `wait` step.
  std::chrono::milliseconds due() const noexcept { return due_; }

  /// The wait is over (or the call was cancelled during it) at `now`: authenticates the next attempt.
  template <class Auth>
  call_step resume(Auth& auth, std::chrono::milliseconds now) {
    if (cancelled_) return finish(failure(transport_error{transport_errc::cancelled, true, "cancelled while waiting to retry"}));
    if (std::optional<std::chrono::milliseconds> const left = time_left(now); left && left->count() <= 0)
      return finish(failure(transport_error{transport_errc::timed_out, true, "the deadline passed while waiting to retry"}));
    ++attempts_;
    return authenticate(auth);
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

  template <class Serializers, class... Args>
  build_result build_into_storage(Serializers const& serializers, Args const&... args) {
    writer out(storage_.data(), storage_.size());
    return build_into<Endpoint>(out, serializers, args...);
  }

  // Lets `auth` add its fields after the built request, which stays as it was built.
  template <class Auth>
  call_step authenticate(Auth& auth) {
    for (;;) {
      writer out(storage_.data(), storage_.size(), built_end_);
      std::string_view const built(storage_.data(), built_end_);
      apidecl::request const unsigned_request(method_, built.substr(body_end_, target_end_ - body_end_),
                                              built.substr(target_end_), built.substr(0, body_end_));
      build_result const signed_request = detail::authenticate(auth, unsigned_request, out);
      if (signed_request) {
        request_ = *signed_request;
        return call_step::send;
      }
      validation_error const& error = signed_request.error();
      if (error.code != validation_error::code::request_too_large || error.needed <= storage_.size())
        return finish(failure(error));
      storage_.resize(error.needed);
    }
  }

  std::optional<std::chrono::milliseconds> time_left(std::chrono::milliseconds now) const noexcept {
    if (options_.deadline.count() == 0) return std::nullopt;
    return options_.deadline - (now - began_);
  }

  // Sent `attempts_` times, or never if nothing could be built or authenticated.
  call_step finish(result<Endpoint> r) {
    bool const sent = r.failure_if() == nullptr || r.failure_if()->kind() != failure_kind::validation;
    r.record_attempts(sent ? attempts_ : attempts_ - 1);
    result_ = std::move(r);
    done_ = true;
    return call_step::done;
  }

  Endpoint endpoint_;
  call_options options_;
  std::vector<char>& storage_;
  std::chrono::milliseconds began_;
  std::chrono::milliseconds due_{0};
  int attempts_ = 1;  // the attempt being made
  bool cancelled_ = false;
  // Where the built request lies in `storage_`: [body][target][header fields], then Auth's fields.
  apidecl::method method_ = apidecl::method::get;
  std::size_t body_end_ = 0;
  std::size_t target_end_ = 0;
  std::size_t built_end_ = 0;
  apidecl::request request_;
  bool done_ = false;
  // What the call came to, once done_. Until then a placeholder: holding a result rather than an
  // optional one saves each endpoint an instantiation of std::optional's machinery.
  result<Endpoint> result_ = failure(validation_error{});
};

}  // namespace apidecl::detail

#endif
