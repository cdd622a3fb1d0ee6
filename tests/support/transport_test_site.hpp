// The nginx site the transport tests talk to, started once per test program and stopped at its
// end. Each location plays one behaviour the tests check; a second server speaks HTTPS with a
// self-signed certificate made at start-up with openssl.
#ifndef APIDECL_TESTS_SUPPORT_TRANSPORT_TEST_SITE_HPP
#define APIDECL_TESTS_SUPPORT_TRANSPORT_TEST_SITE_HPP

#include "nginx.hpp"
#include "server_process.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace test_support {

/// cielo24's Delete Job example (seed: cielo24-job-delete.rst): the token and job the request
/// carries, and the body of the answer.
inline constexpr std::string_view seed_api_token = "7ca5dc5c7cce449fb0fff719307e8f5f";
inline constexpr std::string_view seed_job_id = "64bea283eff6475ea6596027a6ba0929";
inline constexpr std::string_view seed_task_id = "cc8095fbfecf4647b2e10b622d81c19b";

class transport_test_site {
 public:
  /// Sizes of the files under /files/: one at a test's body limit, one a byte over it.
  static constexpr std::size_t body_limit = 64 * 1024;

  /// The site, started by the first call. Check `ready()`.
  static transport_test_site& instance() {
    static transport_test_site site;
    return site;
  }

  bool ready() const noexcept { return ready_; }
  std::string const& failure() const noexcept { return failure_; }

  /// "http://127.0.0.1:PORT" and "https://127.0.0.1:PORT".
  std::string http_url() const { return "http://127.0.0.1:" + std::to_string(server_.port(0)); }
  std::string https_url() const { return "https://127.0.0.1:" + std::to_string(server_.port(1)); }
  /// The self-signed certificate the HTTPS server presents, to trust as a CA file.
  std::string ca_file() const { return server_.directory() + "/cert.pem"; }

  /// The text served at /files/text.txt, compressed when the client accepts gzip, and at
  /// /chunked/text.txt, uncompressed and chunked.
  static std::string text() {
    std::string text;
    for (int i = 0; i < 4000; ++i) text += "line " + std::to_string(i) + " of a text that compresses well\n";
    return text;
  }

 private:
  transport_test_site() {
    if (!make_certificate()) return;
    if (!server_.write_file("site/files/text.txt", text()) ||
        !server_.write_file("site/files/at_limit.bin", std::string(body_limit, 'a')) ||
        !server_.write_file("site/files/over_limit.bin", std::string(body_limit + 1, 'a'))) {
      failure_ = server_.failure();
      return;
    }
    ready_ = server_.start(configuration, 2);
    if (!ready_) failure_ = server_.failure();
  }

  bool make_certificate() {
    server_process openssl("openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                       "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                                       "subjectAltName=IP:127.0.0.1", "-keyout", server_.directory() + "/key.pem",
                                       "-out", server_.directory() + "/cert.pem"});
    if (!openssl.started()) {
      failure_ = openssl.failure() + " (the HTTPS tests need openssl to make a certificate)";
      return false;
    }
    std::optional<int> const code = openssl.wait_for_exit(std::chrono::seconds(30));
    if (code != 0) failure_ = "openssl could not make a certificate: " + openssl.failure();
    return code == 0;
  }

  static constexpr std::string_view configuration = R"(
  server {
    listen 127.0.0.1:@PORT0@;
    root site;

    location = /api/job/delete {
      default_type application/json;
      if ($arg_job_id != "64bea283eff6475ea6596027a6ba0929") {
        return 400 '{"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "Job not found"}';
      }
      return 200 '{ "TaskId" : "cc8095fbfecf4647b2e10b622d81c19b" }';
    }

    # Which connection served the request, and how many requests it has served.
    location = /connection {
      default_type text/plain;
      return 200 "$connection $connection_requests";
    }
    location = /closes-after-two {
      keepalive_requests 2;
      default_type text/plain;
      return 200 "$connection $connection_requests";
    }

    location = /moved { return 302 /new; }
    location = /new {
      default_type text/plain;
      add_header X-Final yes;
      return 200 "new";
    }
    location = /loop { return 302 /loop; }

    location /files/ {
      gzip on;
      gzip_min_length 1;
      gzip_types text/plain;
      types { text/plain txt; application/octet-stream bin; }
    }

    # The text again, uncompressed and chunked: the sub filter (which changes nothing here) makes
    # its length unknown when the response starts.
    location /chunked/ {
      alias site/files/;
      gzip off;
      sub_filter 'line' 'line';
      sub_filter_once off;
      sub_filter_types text/plain;
      types { text/plain txt; }
    }
  }

  server {
    listen 127.0.0.1:@PORT1@ ssl;
    ssl_certificate cert.pem;
    ssl_certificate_key key.pem;
    location / {
      default_type text/plain;
      return 200 "secure";
    }
  }
)";

  nginx server_;
  bool ready_ = false;
  std::string failure_;
};

}  // namespace test_support

#endif
