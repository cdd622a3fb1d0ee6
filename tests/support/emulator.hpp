// The local cielo24/onDemand emulator, started by a test program on a free loopback port and
// stopped at its end, with its control API (faults, reset, counters) one call away.
#ifndef APIDECL_TESTS_SUPPORT_EMULATOR_HPP
#define APIDECL_TESTS_SUPPORT_EMULATOR_HPP

#include "server_process.hpp"

#include <apidecl/core/request.hpp>
#include <apidecl/transport/curl.hpp>

#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#ifndef APIDECL_EMULATOR
#error "APIDECL_EMULATOR must name the emulator program"
#endif

namespace test_support {

class emulator {
 public:
  struct counters {
    std::int64_t connections = -1;  ///< connections that carried a service request
    std::int64_t requests = -1;     ///< service requests (control requests excluded)
  };

  /// The emulator, started by the first call. Check `ready()`.
  static emulator& instance() {
    static emulator running;
    return running;
  }

  bool ready() const noexcept { return !base_url_.empty(); }
  std::string const& failure() const noexcept { return failure_; }
  /// "http://127.0.0.1:PORT".
  std::string const& base_url() const noexcept { return base_url_; }

  /// Options for a transport to the emulator, with a total timeout a test can afford.
  apidecl::curl_options transport_options() const {
    apidecl::curl_options o;
    o.base_url = base_url_;
    o.total_timeout = std::chrono::seconds(10);
    return o;
  }

  /// Jobs, quotes, faults and counters back to how they started.
  bool reset() { return control(apidecl::method::post, "/_emulator/reset") == 204; }

  /// Installs a fault: `query` as the control API takes it, e.g. "path=/api/job/delete&kind=status&status=503".
  bool fault(std::string_view query) {
    return control(apidecl::method::post, "/_emulator/fault?" + std::string(query)) == 204;
  }

  counters count() {
    counters c;
    if (control(apidecl::method::get, "/_emulator/stats") != 200) return c;
    boost::json::error_code failed;
    boost::json::value const stats = boost::json::parse(body_, failed);
    if (failed || !stats.is_object()) return c;
    if (auto const* n = stats.as_object().if_contains("connections")) c.connections = n->to_number<std::int64_t>();
    if (auto const* n = stats.as_object().if_contains("requests")) c.requests = n->to_number<std::int64_t>();
    return c;
  }

  /// Moves the emulator's clock on: jobs move through their statuses and sessions expire as if
  /// `seconds` had passed, without waiting for them.
  bool advance_clock(std::int64_t seconds) {
    return control(apidecl::method::post, "/_emulator/clock/advance?seconds=" + std::to_string(seconds)) == 200;
  }

  /// Turns on onDemand's limit of `per_minute` requests a minute per merchant (0: off, as after a
  /// reset), the minute being the emulator clock's.
  bool rate_limit(std::uint64_t per_minute) {
    return control(apidecl::method::post, "/_emulator/rate_limit?per_minute=" + std::to_string(per_minute)) == 204;
  }

  /// A job's status ("Authorizing", "Pending", ...), or nothing if there is no such job.
  std::optional<std::string> job_status(std::string_view job_id) {
    if (control(apidecl::method::get, "/_emulator/jobs/" + std::string(job_id)) != 200) return std::nullopt;
    boost::json::error_code failed;
    boost::json::value const job = boost::json::parse(body_, failed);
    if (failed || !job.is_object() || !job.as_object().contains("JobStatus")) return std::nullopt;
    return std::string(job.as_object().at("JobStatus").as_string());
  }

 private:
  emulator() : process_(APIDECL_EMULATOR, {"--port", "0"}) {
    if (!process_.started()) {
      failure_ = "cannot start " + std::string(APIDECL_EMULATOR) + ": " + process_.failure();
      return;
    }
    std::optional<std::string> const address = process_.wait_for_line("listening on ", std::chrono::seconds(20));
    if (!address) {
      failure_ = "the emulator did not say where it listens; it wrote: " + process_.output();
      return;
    }
    apidecl::curl_options o;
    o.base_url = "http://" + *address;
    control_ = apidecl::curl_transport(o);
    base_url_ = o.base_url;
  }

  int control(apidecl::method m, std::string const& target) {
    apidecl::transport_result const answer = control_.send(apidecl::request(m, target, {}, {}));
    if (!answer) return 0;
    body_ = std::string(answer->body);
    return answer->status;
  }

  server_process process_;
  apidecl::curl_transport control_;
  std::string base_url_;
  std::string failure_;
  std::string body_;
};

/// The emulator, reset for a test case that needs it as it starts.
inline emulator& fresh_emulator() {
  emulator& e = emulator::instance();
  INFO(e.failure());
  REQUIRE(e.ready());
  REQUIRE(e.reset());
  return e;
}

}  // namespace test_support

#endif
