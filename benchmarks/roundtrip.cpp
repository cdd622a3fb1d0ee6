// Delete Job over loopback HTTP: calls per second through apidecl's client and curl_transport,
// next to a plain libcurl keep-alive loop that builds, sends and reads the same request by hand,
// in alternating rounds against the same server. The job is one the server holds In Process, so
// every call is refused with the same 400 and changes nothing: each round sees the same server.
// The server's address comes from APIDECL_BASE_URL (scripts/with-emulator sets it).
#include "handwritten/json_bodies.hpp"
#include "handwritten/requests.hpp"
#include "support/seeds.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

namespace c24 = apidecl::cielo24;

constexpr int calls_per_round = 1000;
constexpr int rounds = 15;

// One side: makes one call, true if it was refused as expected.
class library_side {
 public:
  explicit library_side(std::string base_url)
      : http_({std::move(base_url)}), api_(apidecl::make_client(http_, apidecl::boost_json_serializer{})) {}

  bool call() {
    auto const r = api_.call(c24::delete_job, c24::api_token = seeds::api_token, c24::job_id = seeds::started_job_id);
    c24::error const* const refused = r.get_if<400>();
    return refused && refused->type == c24::error_type::invalid_query;
  }

 private:
  apidecl::curl_transport http_;
  decltype(apidecl::make_client(http_, apidecl::boost_json_serializer{})) api_;
};

class libcurl_side {
 public:
  explicit libcurl_side(std::string base_url) : base_url_(std::move(base_url)), handle_(curl_easy_init()) {
    // What curl_transport asks of curl by default, so that both sides send the same bytes and curl
    // does the same work for them: compressed bodies accepted (an Accept-Encoding header, and
    // about a tenth of curl's instructions per call), its User-Agent (which curl formats anew for
    // every request, some 4 000 instructions), no signal handling, timeouts.
    curl_easy_setopt(handle_, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(handle_, CURLOPT_USERAGENT, user_agent_.c_str());
    curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(handle_, CURLOPT_TIMEOUT_MS, 60000L);
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &libcurl_side::on_body);
    curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &body_);
  }
  libcurl_side(libcurl_side const&) = delete;
  libcurl_side& operator=(libcurl_side const&) = delete;
  ~libcurl_side() { curl_easy_cleanup(handle_); }

  bool call() {
    std::array<char, 512> target;
    auto const request =
        handwritten::job_request("delete", seeds::api_token, seeds::started_job_id, target.data(), target.size());
    if (!request) return false;
    url_.assign(base_url_).append(request->target);
    body_.clear();
    curl_easy_setopt(handle_, CURLOPT_URL, url_.c_str());
    long status = 0;
    if (curl_easy_perform(handle_) != CURLE_OK ||
        curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status) != CURLE_OK)
      return false;
    handwritten::error refused;
    return status == 400 && handwritten::read_error(body_, refused) && refused.type == "INVALID_QUERY";
  }

 private:
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* body) {
    static_cast<std::string*>(body)->append(data, size * count);
    return size * count;
  }

  std::string const user_agent_ = apidecl::curl_options{}.user_agent;
  std::string base_url_;
  std::string url_;
  std::string body_;
  CURL* handle_;
};

// Calls per second over `calls_per_round` calls; 0 if one went wrong.
template <class Side>
double calls_per_second(Side& side) {
  auto const start = std::chrono::steady_clock::now();
  for (int i = 0; i < calls_per_round; ++i)
    if (!side.call()) return 0;
  std::chrono::duration<double> const took = std::chrono::steady_clock::now() - start;
  return calls_per_round / took.count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main() {
  char const* const base_url = std::getenv("APIDECL_BASE_URL");
  if (base_url == nullptr) {
    std::fprintf(stderr, "roundtrip: set APIDECL_BASE_URL, e.g. with scripts/with-emulator\n");
    return 2;
  }
  library_side library(base_url);
  libcurl_side libcurl(base_url);
  calls_per_second(library);  // connects and warms up both sides
  calls_per_second(libcurl);

  std::vector<double> library_rates, libcurl_rates, ratios;
  for (int round = 0; round < rounds; ++round) {
    bool const library_first = round % 2 == 0;  // neither side always runs on a server just warmed by the other
    double const first = library_first ? calls_per_second(library) : calls_per_second(libcurl);
    double const second = library_first ? calls_per_second(libcurl) : calls_per_second(library);
    double const library_rate = library_first ? first : second;
    double const libcurl_rate = library_first ? second : first;
    if (library_rate == 0 || libcurl_rate == 0) {
      std::fprintf(stderr, "roundtrip: a call did not get the 400 it should\n");
      return 1;
    }
    library_rates.push_back(library_rate);
    libcurl_rates.push_back(libcurl_rate);
    ratios.push_back(library_rate / libcurl_rate);
  }
  std::printf("roundtrip/apidecl: %.0f requests/s\n", median(library_rates));
  std::printf("roundtrip/libcurl: %.0f requests/s\n", median(libcurl_rates));
  std::printf("roundtrip_ratio: %.2f\n", median(ratios));
}
