// A plain libcurl keep-alive loop calling Delete Job: the hand-written side that apidecl over
// curl_transport is measured against (roundtrip.cpp, fastest_path.cpp).
#ifndef APIDECL_BENCHMARKS_LIBCURL_SIDE_HPP
#define APIDECL_BENCHMARKS_LIBCURL_SIDE_HPP

#include "../handwritten/requests.hpp"
#include "seeds.hpp"

#include <apidecl/transport/curl_options.hpp>

#include <curl/curl.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

/// libcurl's easy interface set up as curl_transport sets it up by default, so that both send the
/// same bytes and curl does the same work for each. Each `call()` deletes one job and tells
/// whether `expected` accepts the response's status and body.
class libcurl_side {
 public:
  using check = bool (*)(long status, std::string const& body);

  libcurl_side(std::string base_url, std::string_view job_id, check expected)
      : base_url_(std::move(base_url)), job_id_(job_id), expected_(expected), handle_(curl_easy_init()) {
    // What curl_transport asks of curl by default: compressed bodies accepted (an Accept-Encoding
    // header, and about a tenth of curl's instructions per call), its User-Agent (which curl
    // formats anew for every request, some 4 000 instructions), no signal handling, timeouts.
    curl_easy_setopt(handle_, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(handle_, CURLOPT_USERAGENT, user_agent_.c_str());
    curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, 60000L);
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &libcurl_side::on_body);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &body_);
    curl_easy_setopt(handle_, CURLOPT_HEADERFUNCTION, &libcurl_side::on_header);
    curl_easy_setopt(handle_, CURLOPT_HEADERDATA, &headers_);
  }
  libcurl_side(libcurl_side const&) = delete;
  libcurl_side& operator=(libcurl_side const&) = delete;
  ~libcurl_side() { curl_easy_cleanup(handle_); }

  bool call() {
    std::array<char, 512> target;
    auto const request = handwritten::job_request("delete", seeds::api_token, job_id_, target.data(), target.size());
    if (!request) return false;
    url_.assign(base_url_).append(request->target);
    headers_.clear();
    body_.clear();
    curl_easy_setopt(handle_, CURLOPT_URL, url_.c_str());
    long status = 0;
    return curl_easy_perform(handle_) == CURLE_OK &&
           curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK && expected_(status, body_);
  }

 private:
  // Keeps the response's header fields as curl_transport does, for callers that read them: those
  // of the final response only (a status line starts a new one), without the status line or the
  // blank line, up to the same 256 KiB.
  static std::size_t on_header(char* data, std::size_t size, std::size_t count, void* headers) {
    constexpr std::size_t most = 256 * 1024;
    std::string& kept = *static_cast<std::string*>(headers);
    std::string_view const line(data, size * count);
    if (line.substr(0, 5) == "HTTP/") {
      kept.clear();
    } else if (line != "\r\n" && line != "\n") {
      if (line.size() > most - kept.size()) return 0;  // stops the transfer
      kept.append(line);
    }
    return line.size();
  }
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* body) {
    static_cast<std::string*>(body)->append(data, size * count);
    return size * count;
  }

  std::string const user_agent_ = apidecl::curl_options{}.user_agent;
  std::string base_url_;
  std::string_view job_id_;
  check expected_;
  std::string url_;
  std::string headers_;
  std::string body_;
  CURL* handle_;
};

#endif
