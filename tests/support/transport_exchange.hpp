// One exchange through any Transport or AsyncTransport, with what came back copied out, so that
// one test can run against every transport: a Transport's `send`, or an AsyncTransport's `start`
// followed by `poll` until its handler has been called.
#ifndef APIDECL_TESTS_SUPPORT_TRANSPORT_EXCHANGE_HPP
#define APIDECL_TESTS_SUPPORT_TRANSPORT_EXCHANGE_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/call_options.hpp>
#include <apidecl/transport/transport.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace test_support {

/// A transport's answer, owning its text.
struct received {
  std::optional<apidecl::transport_error> error;
  int status = 0;
  std::string headers;
  std::string body;

  explicit operator bool() const noexcept { return !error; }
  std::optional<std::string_view> header(std::string_view name) const noexcept {
    return apidecl::header_list(headers).find(name);
  }
  /// The response again, as views into this, e.g. for apidecl::decode.
  apidecl::response response() const noexcept { return {status, apidecl::header_list(headers), body}; }
};

inline received copy_of(apidecl::transport_result const& r) {
  if (!r) return received{r.error(), 0, {}, {}};
  return received{std::nullopt, r->status, std::string(r->headers.text()), std::string(r->body)};
}

template <class T, class = void>
struct has_timed_poll : std::false_type {};
template <class T>
struct has_timed_poll<T, std::void_t<decltype(std::declval<T&>().poll(std::chrono::milliseconds(1)))>>
    : std::true_type {};

/// Sends `r` through `transport` and waits for the answer (an AsyncTransport is polled, for a
/// minute at most). `call` is passed only when it sets something, to transports that take it.
template <class Transport>
received exchange(Transport& transport, apidecl::request const& r, apidecl::call_options const& call = {}) {
  [[maybe_unused]] bool const has_call_options = call.total_timeout.count() != 0 || call.connect_timeout.count() != 0;
  if constexpr (apidecl::is_async_transport_v<Transport>) {
    std::optional<received> answer;
    auto const keep = [&answer](apidecl::transport_result const& result) { answer = copy_of(result); };
    if constexpr (apidecl::has_start_with_call_options_v<Transport>) {
      if (has_call_options) transport.start(r, call, keep);
      else transport.start(r, keep);
    } else {
      transport.start(r, keep);
    }
    auto const deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (!answer && std::chrono::steady_clock::now() < deadline) {
      if constexpr (has_timed_poll<Transport>::value) {
        transport.poll(std::chrono::milliseconds(50));
      } else {
        transport.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
    if (!answer) return received{apidecl::transport_error{apidecl::transport_errc::other, true, "no answer"}, 0, {}, {}};
    return *answer;
  } else {
    if constexpr (apidecl::has_send_with_call_options_v<Transport>)
      return copy_of(has_call_options ? transport.send(r, call) : transport.send(r));
    else
      return copy_of(transport.send(r));
  }
}

}  // namespace test_support

#endif
