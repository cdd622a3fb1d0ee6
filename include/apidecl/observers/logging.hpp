#ifndef APIDECL_OBSERVERS_LOGGING_HPP
#define APIDECL_OBSERVERS_LOGGING_HPP

#include <apidecl/client/observer.hpp>
#include <apidecl/core/redaction.hpp>
#include <apidecl/core/writer.hpp>
#include <apidecl/observers/detail/line.hpp>
#include <apidecl/observers/line_sink.hpp>

#include <chrono>
#include <cstddef>
#include <string_view>
#include <utility>

/// A ready Observer that writes what calls do as lines of text to a LineSink (line_sink.hpp):
///
///     auto api = apidecl::make_client(http, apidecl::logging_observer(
///         [](std::string_view line) { std::fprintf(stderr, "%.*s\n", int(line.size()), line.data()); },
///         {apidecl::log_level::attempts, 200}));
///
/// prints, for a call retried once,
///
///     GET /api/job/authorize: attempt 1: GET /api/job/authorize?v=1&api_token=***&job_id=64be...
///     GET /api/job/authorize: attempt 1 ended: 503 in 3 ms
///     GET /api/job/authorize: retry 2 in 250 ms: 503 Service Unavailable
///     GET /api/job/authorize: attempt 2: GET /api/job/authorize?v=1&api_token=***&job_id=64be...
///     GET /api/job/authorize: attempt 2 ended: 204 in 2 ms
///     GET /api/job/authorize: documented 204 after 2 attempts in 255 ms
///
/// Every request text comes from the `redacted_request` of the event, so a declared secret
/// (redaction.hpp) is `***` in every line, whatever the level; a line is made in a fixed buffer
/// (a longer one is cut and ends in "...") and holds no line break. No heap.
namespace apidecl {

/// How much a logging observer says; each level says what the ones before it say, and more.
enum class log_level {
  calls,     ///< one line per call, when it completes
  retries,   ///< and one per retry scheduled, with the Retry policy's reason, and per wait for the rate limit
  attempts,  ///< and two per attempt: the request line as sent, and how it ended
  debug,     ///< and the start of each call and each attempt's header fields
};

struct log_options {
  log_level level = log_level::calls;
  /// At `attempts` or above, how many bytes of each request body to show (redacted, then cut);
  /// 0 shows no body. A body that holds a field declared secret, at any depth, is shown as `***`
  /// whole (secret_fields.hpp): a Serializer writes the body with no record of its fields.
  std::size_t body_bytes = 0;
};

template <class LineSink>
class logging_observer {
 public:
  /// The longest line; a longer one is cut.
  static constexpr std::size_t line_capacity = 1024;

  explicit logging_observer(LineSink sink, log_options options = {}) : sink_(std::move(sink)), options_(options) {
    (void)detail::check_line_sink<LineSink>();
  }

  void on(call_started const& e) {
    if (!says(log_level::debug)) return;
    line text;
    begin_line(text.out(), e.endpoint);
    text.out().append("started");
    emit(text);
  }

  void on(attempt_sending const& e) {
    if (!says(log_level::attempts)) return;
    {  // the line's buffer is gone before the next ones are made
      line text;
      begin_attempt(text.out(), e.endpoint, e.number);
      text.out().append(": ");
      text.out().append(method_name(e.request.method()));
      text.out().push_back(' ');
      e.request.write_target(text.out());
      emit(text);
    }
    if (says(log_level::debug)) emit_headers(e);
    if (options_.body_bytes > 0) emit_body(e);
  }

  void on(attempt_ended const& e) {
    if (!says(log_level::attempts)) return;
    line text;
    begin_attempt(text.out(), e.endpoint, e.number);
    writer& out = text.out();
    out.append(" ended: ");
    if (e.error) {
      out.append(transport_errc_name(e.error->code));
      out.append(" (");
      detail::append_as_one_line(out, e.error->detail);
      out.push_back(')');
    } else {
      detail::write_integer(out, e.status);
    }
    write_duration(out, " in ", e.duration);
    emit(text);
  }

  void on(retry_scheduled const& e) {
    if (!says(log_level::retries)) return;
    line text;
    begin_line(text.out(), e.endpoint);
    text.out().append("retry ");
    detail::write_integer(text.out(), e.next_number);
    write_duration(text.out(), " in ", e.delay);
    text.out().append(": ");
    detail::append_as_one_line(text.out(), e.reason);
    emit(text);
  }

  void on(rate_limited const& e) {
    if (!says(log_level::retries)) return;
    line text;
    begin_line(text.out(), e.endpoint);
    text.out().append("attempt ");
    detail::write_integer(text.out(), e.number);
    write_duration(text.out(), " waits ", e.wait);
    text.out().append(" for the rate limit");
    emit(text);
  }

  void on(call_completed const& e) {
    line text;
    begin_line(text.out(), e.endpoint);
    writer& out = text.out();
    out.append(outcome_name(e.outcome));
    if (e.status != 0) {
      out.push_back(' ');
      detail::write_integer(out, e.status);
    }
    out.append(" after ");
    detail::write_integer(out, e.attempts);
    out.append(e.attempts == 1 ? " attempt" : " attempts");
    write_duration(out, " in ", e.duration);
    emit(text);
  }

 private:
  using line = detail::fixed_line<line_capacity>;

  bool says(log_level level) const noexcept { return options_.level >= level; }

  // "GET /api/job/authorize: ", which every line starts with.
  static void begin_line(writer& out, endpoint_info const& endpoint) noexcept {
    detail::write_endpoint(out, endpoint);
    out.append(": ");
  }
  static void begin_attempt(writer& out, endpoint_info const& endpoint, int number) noexcept {
    begin_line(out, endpoint);
    out.append("attempt ");
    detail::write_integer(out, number);
  }
  static void write_duration(writer& out, std::string_view before, std::chrono::milliseconds d) noexcept {
    out.append(before);
    detail::write_integer(out, d.count());
    out.append(" ms");
  }

  // "Name: value; Name: value": the header block on one line.
  void emit_headers(attempt_sending const& e) {
    line block;
    e.request.write_headers(block.out());
    std::string_view fields = block.text();
    if (fields.empty()) return;
    line text;
    begin_attempt(text.out(), e.endpoint, e.number);
    text.out().append(" headers: ");
    for (std::string_view separator; !fields.empty(); separator = "; ") {
      std::size_t const end = fields.find("\r\n");
      text.out().append(separator);
      text.out().append(fields.substr(0, end));
      fields = end == std::string_view::npos ? std::string_view() : fields.substr(end + 2);
    }
    emit(text);
  }

  void emit_body(attempt_sending const& e) {
    char shown[line_capacity];
    writer cut(shown, options_.body_bytes < line_capacity ? options_.body_bytes : line_capacity);
    e.request.write_body(cut);  // redacted first, then cut: a cut never reveals part of a secret
    if (cut.size() == 0) return;
    line text;
    begin_attempt(text.out(), e.endpoint, e.number);
    text.out().append(" body: ");
    detail::append_as_one_line(text.out(), cut.slice(0, cut.overflowed() ? cut.capacity() : cut.size()));
    if (cut.overflowed()) text.out().append("...");
    emit(text);
  }

  void emit(line& text) {
    if constexpr (is_line_sink_v<LineSink>) sink_(text.text());  // else the constructor said why
  }

  LineSink sink_;
  log_options options_;
};

}  // namespace apidecl

#endif
