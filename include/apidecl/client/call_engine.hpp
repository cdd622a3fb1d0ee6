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
#include <new>
#include <optional>
#include <string_view>
#include <tuple>
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

// What the engine needs of an endpoint beyond building and decoding: one table per endpoint
// type, so that the rest of a call's life is code shared by every endpoint of a client.
struct endpoint_profile {
  endpoint_info const* info;
  attempt (*describe_attempt)(int number, transport_result const& outcome, std::chrono::milliseconds elapsed,
                              std::optional<std::chrono::milliseconds> time_left) noexcept;
  bool (*takes_streamed_body)(int status) noexcept;
};
template <class Endpoint>
inline constexpr endpoint_profile profile_of{&endpoint_info_of<Endpoint>, &make_attempt<Endpoint>,
                                             &takes_streamed_body<Endpoint>};

// What a decoded result says of itself, for the observer told of the call's end.
struct conclusion {
  failure const* failed;
  bool unexpected;
  int http_status;
};
class call_engine_base;
// Decodes a response into the result of the engine `call` is (the one per-endpoint step of
// the engine's own work).
template <class Serializers>
using response_decoder = conclusion (*)(call_engine_base& call, response const& r, Serializers const& serializers);

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
///
/// This base holds all of it but building and decoding, and knows the endpoint only through its
/// profile: it is compiled once per client's policies, however many endpoints the client calls
/// (a call_engine<Endpoint> adds the two steps that depend on the endpoint). Its steps stay out
/// of line: an exchange over a network dwarfs a call instruction, and inlined they would be
/// compiled again into every endpoint's call.
class call_engine_base {
 public:
  call_engine_base(call_engine_base const&) = delete;
  call_engine_base& operator=(call_engine_base const&) = delete;

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
    if (o.response_into) o.response_into = o.response_into.for_statuses(profile_.takes_streamed_body);
    return o;
  }

  /// The attempt ended at `now` with `outcome`: a 429's Retry-After pauses `limiter`; credentials
  /// a Session `auth` says were refused are renewed once; else asks `retry` whether to go again,
  /// and if not, ends the call with `outcome` decoded by `decode`.
  template <class Retry, class Serializers, class Auth, class Limiter, class Observer>
  [[gnu::noinline]] call_step exchange_ended(transport_result const& outcome, Retry& retry,
                                             response_decoder<Serializers> decode, Serializers const& serializers,
                                             Auth& auth, Limiter& limiter, Observer& observer,
                                             std::chrono::milliseconds now) {
    notify(observer, attempt_ended{*profile_.info, attempts_, outcome ? outcome->status : 0,
                                   outcome ? outcome->headers : header_list(), outcome ? nullptr : &outcome.error(),
                                   now - attempt_began_});
    if constexpr (!std::is_same_v<Limiter, no_limit>) {
      if (outcome && outcome->status == 429) {
        if (std::optional<std::chrono::seconds> const asked = requested_retry_delay(outcome->headers, system_utc_clock{}))
          limiter.pause_until(now + *asked, now);
      }
    }
    if constexpr (is_session_v<Auth>) {
      // The login itself is never renewed (its engine is not renewable): its refusal is its failure.
      if (renewable_ && !cancelled_ && outcome && auth.refused(*outcome)) {
        renewable_ = false;
        ++attempts_;
        // Renewed meanwhile by another client of the session: its credentials serve, no login.
        if (take_credentials(auth)) return admit(auth, limiter, observer, now);
        return call_step::renew;
      }
    }
    retry_decision const decision = retry.decide(profile_.describe_attempt(attempts_, outcome, now - began_, time_left(now)));
    std::optional<std::chrono::milliseconds> const left = time_left(now);
    bool const in_time = !left || decision.delay() < *left;
    // Last, so that a streamed body's source is rewound only for an attempt that will be made.
    if (!decision.should_retry() || cancelled_ || !in_time || !body_rewound()) {
      if (!outcome) return fail(failure(outcome.error()), observer, now);
      return conclude(decode(*this, *outcome, serializers), observer, now);
    }
    due_ = now + decision.delay();
    retrying_ = true;
    notify(observer, retry_scheduled{*profile_.info, attempts_ + 1, decision.delay(), decision.reason()});
    return call_step::wait;
  }

  /// When the wait ends, during a `wait` step.
  std::chrono::milliseconds due() const noexcept { return due_; }

  /// The Session's login ended at `now`, `accept` saying `login`: with new credentials, the
  /// call is repeated; without, it ends, naming why.
  template <class Auth, class Limiter, class Observer>
  [[gnu::noinline]] call_step renewed(auth_result login, Auth& auth, Limiter& limiter, Observer& observer,
                                      std::chrono::milliseconds now) {
    if (cancelled_)
      return fail(failure(transport_error{transport_errc::cancelled, true, "cancelled while logging in again"}), observer,
                  now);
    if (!login)
      return fail(failure(validation_error{validation_error::code::cannot_authenticate, {}, login.problem(), 0}),
                  observer, now);
    take_credentials(auth);
    return admit(auth, limiter, observer, now);
  }

  /// The wait is over (or the call was cancelled during it) at `now`: admits the next attempt.
  template <class Auth, class Limiter, class Observer>
  [[gnu::noinline]] call_step resume(Auth& auth, Limiter& limiter, Observer& observer, std::chrono::milliseconds now) {
    if (cancelled_)
      return fail(failure(transport_error{transport_errc::cancelled, true,
                                          retrying_ ? "cancelled while waiting to retry"
                                                    : "cancelled while waiting for the rate limit"}),
                  observer, now);
    if (std::optional<std::chrono::milliseconds> const left = time_left(now); left && left->count() <= 0)
      return fail(failure(transport_error{transport_errc::timed_out, true, "the deadline passed while waiting to retry"}),
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

 protected:
  static constexpr std::size_t initial_storage = 1024;

  call_engine_base(endpoint_profile const& profile, call_options const& options, std::vector<char>& storage,
                   std::chrono::milliseconds now)
      : profile_(profile), storage_(storage), options_(options), began_(now) {}
  // Out of line: ending a failure kept is the same code for every endpoint.
  [[gnu::noinline]] ~call_engine_base() {}

  // Where the secrets lie is recorded only for an observer of the request sent, the one reader
  // of the record: a call no one observes costs nothing more for it.
  template <class Observer>
  static constexpr bool records_secrets = observes<Observer, attempt_sending>::value;

  // Writes the request into `out`, recording where its secrets lie in `secrets` if the observer
  // reads them: an endpoint's request building, behind `build(builder, out, secrets)`.
  struct request_builder {
    void const* builder;
    build_result (*build)(void const* builder, writer& out, redactions& secrets);
  };

  // Tells `observer` the call starts and builds its request with `builder` (into storage grown
  // to the size it needs if it did not fit), then goes on as `built` does.
  template <class Auth, class Limiter, class Observer>
  [[gnu::noinline]] call_step build(request_builder builder, Auth& auth, Limiter& limiter, Observer& observer) {
    notify(observer, call_started{*profile_.info});
    if (storage_.size() < initial_storage) storage_.resize(initial_storage);
    build_result request = build_once<Observer>(builder);
    if (!request && request.error().code == validation_error::code::request_too_large) {
      storage_.resize(request.error().needed);  // the size it needs, so the second try fits
      request = build_once<Observer>(builder);
    }
    return built(request, auth, limiter, observer);
  }

  // The request was built (or not, as `built` says): records where it lies, then renews first if
  // the Session has no credentials yet, or admits the first attempt.
  template <class Auth, class Limiter, class Observer>
  call_step built(build_result const& built, Auth& auth, Limiter& limiter, Observer& observer) {
    if (!built) return fail(failure(built.error()), observer, began_);
    method_ = built->method();
    source_ = built->body_source();
    body_end_ = built->body().size();
    target_end_ = body_end_ + built->target().size();
    built_end_ = target_end_ + built->headers().text().size();
    built_secrets_ = secrets_.size();
    if constexpr (is_session_v<Auth>) {
      if (renewable_ && must_log_in_first(auth)) {
        renewable_ = false;
        return call_step::renew;  // nothing sent: the attempt after the login is the first
      }
    }
    return admit(auth, limiter, observer, began_);
  }

  // Ends the call with `r`'s outcome at `now`, telling `observer`; the attempts it counts are
  // those sent, none if nothing could be built or authenticated.
  template <class Observer>
  call_step conclude(conclusion r, Observer& observer, std::chrono::milliseconds now) {
    bool const sent = r.failed == nullptr || r.failed->kind() != failure_kind::validation;
    final_attempts_ = sent ? attempts_ : attempts_ - 1;
    if constexpr (observes<Observer, call_completed>::value) {
      call_outcome outcome = r.unexpected ? call_outcome::unexpected_status : call_outcome::documented;
      if (r.failed) {
        outcome = r.failed->kind() == failure_kind::validation  ? call_outcome::validation_failure
                  : r.failed->kind() == failure_kind::transport ? call_outcome::transport_failure
                                                                 : call_outcome::decode_failure;
      }
      observer.on(call_completed{*profile_.info, outcome, r.http_status, final_attempts_, now - began_});
    }
    done_ = true;
    return call_step::done;
  }

  // Ends the call with `f` at `now`.
  template <class Observer>
  call_step fail(failure f, Observer& observer, std::chrono::milliseconds now) {
    failed_.emplace(std::move(f));
    int const status = failed_->decode() ? failed_->decode()->status : 0;
    return conclude(conclusion{&*failed_, false, status}, observer, now);
  }

  endpoint_profile const& profile_;
  std::vector<char>& storage_;
  redactions secrets_;  // where the secret values of request_ lie in storage_
  // Which of the Session's `arguments()` the endpoint declares, one bit each in their order.
  unsigned declared_credentials_ = 0;
  // How the call ended without a result of its endpoint's to decode, once done_.
  std::optional<failure> failed_;
  int final_attempts_ = 0;

 private:
  template <class Observer>
  build_result build_once(request_builder builder) {
    writer out(storage_.data(), storage_.size());
    if constexpr (records_secrets<Observer>) secrets_.keep_first(0);
    return builder.build(builder.builder, out, secrets_);
  }

  // Takes a slot from `limiter` for the attempt about to be authenticated at `now`, or waits for
  // one: as long as the limiter says, if the deadline allows.
  template <class Auth, class Limiter, class Observer>
  call_step admit(Auth& auth, Limiter& limiter, Observer& observer, std::chrono::milliseconds now) {
    if constexpr (!std::is_same_v<Limiter, no_limit>) {
      std::chrono::milliseconds const wait = limiter.acquire(*profile_.info, now);
      if (wait.count() > 0) {
        if (std::optional<std::chrono::milliseconds> const left = time_left(now); left && wait >= *left)
          return fail(failure(transport_error{transport_errc::timed_out, false,
                                              "the deadline would pass while waiting for the rate limit"}),
                      observer, now);
        notify(observer, rate_limited{*profile_.info, attempts_, wait});
        due_ = now + wait;
        return call_step::wait;
      }
    }
    return authenticate(auth, observer, now);
  }

  // Puts the current values of the Session's `arguments()` that the endpoint declares in the
  // built request, in place of those it was built with. Returns whether any changed.
  template <class Auth>
  bool take_credentials([[maybe_unused]] Auth& auth) {
    if constexpr (std::tuple_size_v<typename auth_arguments<Auth>::type> == 0) {
      return false;  // all in header fields, written anew at each attempt
    } else {
      bool changed = false;
      unsigned bit = 1;
      std::apply(
          [&](auto const&... supplied) {
            ((changed = ((declared_credentials_ & std::exchange(bit, bit << 1)) != 0 &&
                         take_credential(remove_cvref_t<decltype(supplied)>::parameter::name,
                                         std::string_view(supplied.value))) ||
                        changed),
             ...);
          },
          auth.arguments());
      return changed;
    }
  }
  bool take_credential(std::string_view name, std::string_view value) {
    value_span const at = find_query_value(storage_.data(), body_end_, target_end_, name);
    if (!at.found) return false;
    replacement const done = replace_query_value(storage_, built_end_, at, value);
    if (!done.changed) return false;
    auto const move = [&](std::size_t& offset) { offset = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + done.growth); };
    std::size_t new_end = at.end;
    move(new_end);
    secrets_.replaced(at.begin, at.end, new_end);
    move(target_end_);
    move(built_end_);
    return true;
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
          observer.on(attempt_sending{*profile_.info, attempts_, redacted_request(request_, storage_.data(), secrets_)});
        return call_step::send;
      }
      validation_error const& error = signed_request.error();
      if (error.code != validation_error::code::request_too_large || error.needed <= storage_.size())
        return fail(failure(error), observer, now);
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

  call_options options_;
  std::chrono::milliseconds began_;
  std::chrono::milliseconds due_{0};
  std::chrono::milliseconds attempt_began_{0};
  int attempts_ = 1;  // the attempt being made
  bool cancelled_ = false;
  bool retrying_ = false;   // the wait is a retry's, so resuming makes a new attempt
  bool renewable_ = true;   // a Session's refusal may still be answered by a login
  bool done_ = false;
  // Where the built request lies in `storage_`: [body][target][header fields], then Auth's fields.
  apidecl::method method_ = apidecl::method::get;
  body_source_ref source_;  // a streamed body's, sent with each attempt
  std::size_t body_end_ = 0;
  std::size_t target_end_ = 0;
  std::size_t built_end_ = 0;
  apidecl::request request_;
  std::size_t built_secrets_ = 0;  // those of the built request, before the Auth policy's
};

// Which of `Arguments` (a Session's, in their order) `Endpoint` declares, one bit each.
template <class Endpoint, class... Arguments>
constexpr unsigned declared_of(std::tuple<Arguments...> const*) noexcept {
  unsigned mask = 0;
  unsigned bit = 1;
  ((mask |= index_of_in<typename Arguments::parameter>(endpoint_params_t<Endpoint>{}) != npos ? bit : 0u, bit <<= 1),
   ...);
  return mask;
}

/// The engine of a call to `Endpoint`: the shared life of a call (call_engine_base) with the two
/// steps that depend on the endpoint, building its request and decoding its response.
template <class Endpoint>
class call_engine : public call_engine_base {
 public:
  /// A call to `endpoint` that builds its request into `storage`, growing it as needed, and
  /// begins at `now`.
  call_engine(Endpoint const& endpoint, call_options const& options, std::vector<char>& storage,
              std::chrono::milliseconds now)
      : call_engine_base(profile_of<Endpoint>, options, storage, now), endpoint_(endpoint) {}

  /// Builds the request for `args` and authenticates its first attempt, telling `observer`.
  template <class Serializers, class Auth, class Limiter, class Observer, class... Args>
  call_step begin(Serializers const& serializers, Auth& auth, Limiter& limiter, Observer& observer,
                  Args const&... args) {
    using credentials = typename auth_arguments<Auth>::type;
    if constexpr (is_session_v<Auth>) {
      if constexpr (std::is_same_v<Endpoint, typename Auth::login_endpoint>) keep_credentials();  // never renewed
    }
    if constexpr (std::tuple_size_v<credentials> > 0) {
      constexpr unsigned declared = declared_of<Endpoint>(static_cast<credentials const*>(nullptr));
      declared_credentials_ = declared;
    }
    auto const build_request = [&](writer& out, [[maybe_unused]] redactions& secrets) {
      if constexpr (records_secrets<Observer>) return build_recording_secrets<Endpoint>(out, secrets, serializers, args...);
      else return build_into<Endpoint>(out, serializers, args...);
    };
    using builder_type = decltype(build_request);
    return build(request_builder{&build_request,
                                 [](void const* builder, writer& out, redactions& secrets) {
                                   return (*static_cast<builder_type const*>(builder))(out, secrets);
                                 }},
                 auth, limiter, observer);
  }

  /// The attempt ended at `now` with `outcome` (see `exchange_ended`).
  template <class Retry, class Serializers, class Auth, class Limiter, class Observer>
  call_step received(transport_result const& outcome, Retry& retry, Serializers const& serializers, Auth& auth,
                     Limiter& limiter, Observer& observer, std::chrono::milliseconds now) {
    return exchange_ended(outcome, retry, &decoded<Serializers>, serializers, auth, limiter, observer, now);
  }

  /// Decodes `r` into `call`'s result: the response_decoder of this endpoint.
  template <class Serializers>
  static conclusion decoded(call_engine_base& call, response const& r, Serializers const& serializers) {
    call_engine& self = static_cast<call_engine&>(call);
    self.decoded_ = ::new (self.decoded_storage_) result<Endpoint>(decode(self.endpoint_, r, serializers));
    return {self.decoded_->failure_if(), self.decoded_->unexpected_if() != nullptr, r.status};  // whatever the case
  }

  /// The result, once a step said `done`.
  result<Endpoint> take_result() noexcept {
    result<Endpoint> taken = failed_ ? result<Endpoint>(std::move(*failed_)) : std::move(*decoded_);
    taken.record_attempts(final_attempts_);
    return taken;
  }

  ~call_engine() {
    if (decoded_) decoded_->~result();
  }

 private:
  Endpoint endpoint_;
  // The result decoded, once done and not failed_: made in place by `decoded`. Raw storage rather
  // than an optional result, which would cost each endpoint an instantiation of std::optional's
  // machinery, or a result holding a placeholder failure, which each endpoint would make and end.
  alignas(result<Endpoint>) unsigned char decoded_storage_[sizeof(result<Endpoint>)];
  result<Endpoint>* decoded_ = nullptr;  // in decoded_storage_, once made
};

}  // namespace apidecl::detail

#endif
