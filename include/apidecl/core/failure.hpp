#ifndef APIDECL_CORE_FAILURE_HPP
#define APIDECL_CORE_FAILURE_HPP

#include <apidecl/core/short_text.hpp>
#include <apidecl/core/writer.hpp>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

/// What can go wrong in a call, as values: the request could not be built (validation), it could
/// not be exchanged (transport), or the answer could not be read (decode).
namespace apidecl {

/// The request was not built, so nothing was sent.
struct validation_error {
  enum class code {
    invalid_argument,   ///< an argument breaks its parameter's constraint
    unencodable_body,   ///< the Serializer could not encode the body
    request_too_large,  ///< the caller's buffer is too small: `needed` bytes are
    cannot_authenticate,  ///< the Auth policy could not authenticate the request
  };
  validation_error::code code = code::invalid_argument;
  std::string_view parameter;  ///< static text: the parameter's name, or "body"; empty for the others
  std::string_view problem;    ///< static text completing "parameter 'x' ..." (or "cannot authenticate the request: ...")
  std::size_t needed = 0;
};

/// Why a Transport could not complete an exchange.
enum class transport_errc {
  cannot_connect,      ///< name resolution or connection refused: the request never left
  timed_out,
  connection_lost,     ///< closed or reset during the exchange
  tls_error,
  response_too_large,  ///< the body is larger than the transport accepts
  protocol_error,      ///< the peer did not speak HTTP as expected
  cancelled,
  body_stream_failed,  ///< a streamed body's source or sink failed, or the source's size was wrong
  other,
};

/// The code's name as a log line, a metric label or a trace's `error.type` spells it.
constexpr std::string_view transport_errc_name(transport_errc code) noexcept {
  switch (code) {
    case transport_errc::cannot_connect: return "cannot_connect";
    case transport_errc::timed_out: return "timed_out";
    case transport_errc::connection_lost: return "connection_lost";
    case transport_errc::tls_error: return "tls_error";
    case transport_errc::response_too_large: return "response_too_large";
    case transport_errc::protocol_error: return "protocol_error";
    case transport_errc::cancelled: return "cancelled";
    case transport_errc::body_stream_failed: return "body_stream_failed";
    case transport_errc::other: return "other";
  }
  return "other";
}

/// A Transport's failure. `may_have_reached_server` is false only when the request provably never
/// left (so a non-idempotent request can be retried); transports that cannot tell say true.
struct transport_error {
  transport_errc code = transport_errc::other;
  bool may_have_reached_server = true;
  short_text<160> detail;  ///< transport's own words, without credentials
};

/// The response was received but its body did not decode into the documented type. Everything
/// received is kept, so nothing is lost.
struct decode_error {
  std::string where;  ///< where in the body, e.g. "TaskId" or "Quote/TotalCost"; empty for the whole; or a header field's name
  std::string what;   ///< what was wrong there
  int status = 0;
  std::string headers;  ///< as received, one "Name: value" per line
  std::string body;
  bool in_header = false;  ///< whether `where` names a declared header field rather than a place in the body
};

/// Which of the failures above.
enum class failure_kind { validation, transport, decode };

/// One of the failures above.
class failure {
 public:

  failure(validation_error e) : error_(std::move(e)) {}  // NOLINT: implicit by design
  failure(transport_error e) : error_(std::move(e)) {}   // NOLINT
  failure(decode_error e) : error_(std::move(e)) {}      // NOLINT

  failure_kind kind() const noexcept { return static_cast<failure_kind>(error_.index()); }
  validation_error const* validation() const noexcept { return std::get_if<validation_error>(&error_); }
  transport_error const* transport() const noexcept { return std::get_if<transport_error>(&error_); }
  decode_error const* decode() const noexcept { return std::get_if<decode_error>(&error_); }

  /// False only when the request provably never reached the server.
  bool may_have_reached_server() const noexcept {
    if (auto const* t = transport()) return t->may_have_reached_server;
    return kind() == failure_kind::decode;
  }

  /// Writes a one-line description, with no heap allocation.
  void describe(writer& out) const noexcept {
    if (auto const* v = validation()) {
      if (v->code == validation_error::code::request_too_large) {
        char needed[24];
        int const n = std::snprintf(needed, sizeof needed, "%zu", v->needed);
        out.append("request does not fit in its buffer: ");
        out.append({needed, static_cast<std::size_t>(n)});
        out.append(" bytes are needed");
        return;
      }
      if (v->code == validation_error::code::cannot_authenticate) {
        out.append("cannot authenticate the request: ");
        out.append(v->problem);
        return;
      }
      out.append("invalid request: parameter '");
      out.append(v->parameter);
      out.append("' ");
      out.append(v->problem);
    } else if (auto const* t = transport()) {
      out.append("transport error: ");
      out.append(t->detail);
    } else if (auto const* d = decode()) {
      if (d->in_header) {
        out.append("cannot decode the response header '");
        out.append(d->where);
        out.append("': ");
        out.append(d->what);
        return;
      }
      out.append("cannot decode the response body");
      if (!d->where.empty()) {
        out.append(" at '");
        out.append(d->where);
        out.append("'");
      }
      out.append(": ");
      out.append(d->what);
    }
  }

  /// The description from `describe`, as a string.
  std::string message() const {
    std::string text(120, '\0');
    writer out(text.data(), text.size());
    describe(out);
    text.resize(out.size());
    if (out.overflowed()) {
      writer again(text.data(), text.size());
      describe(again);
    }
    return text;
  }

 private:
  std::variant<validation_error, transport_error, decode_error> error_;
};

}  // namespace apidecl

#endif
