// Compile-time and size baseline (compile_time/, binary_size/): the same three calls written by
// hand with {fmt}, Boost.JSON and pugixml over a hand-written stand-in for the mock transport,
// handling the same outcomes. APIDECL_BENCHMARK_ENDPOINTS says how many of them it calls, as in
// apidecl_seeds.cpp.
#include "handwritten/json_bodies.hpp"
#include "handwritten/requests.hpp"
#include "handwritten/scripted_transport.hpp"
#include "handwritten/xml_bodies.hpp"
#include "support/seeds.hpp"

#include <array>
#include <cstdio>
#include <optional>
#include <string>

#ifndef APIDECL_BENCHMARK_ENDPOINTS
#define APIDECL_BENCHMARK_ENDPOINTS 3
#endif

namespace {

int failures = 0;

void unexpected(handwritten::reply const& r) {
  std::printf("unexpected status %d\n", r.status);
  ++failures;
}

void failed() {
  std::puts("failed");
  ++failures;
}

// Sends `r` and hands the reply to `handle`, which says whether it knew the status and read the body.
template <class Handle>
void exchange(handwritten::scripted_transport& http, std::optional<handwritten::request> const& r, Handle handle) {
  if (!r) return failed();
  std::optional<handwritten::reply> const reply = http.send(*r);
  if (!reply) return failed();
  if (!handle(*reply)) unexpected(*reply);
}

bool cielo24_error(handwritten::reply const& r) {
  handwritten::error e;
  if (!handwritten::read_error(r.body, e)) return false;
  std::printf("refused: %s\n", e.comment.c_str());
  return true;
}

}  // namespace

int main() {
  handwritten::scripted_transport http;
  http.respond(204)
      .respond(200, std::string(seeds::task_body))
      .respond(202, std::string(seeds::quote_authorization_body));
  std::array<char, 1024> buffer;

#if APIDECL_BENCHMARK_ENDPOINTS >= 1
  exchange(http, handwritten::job_request("authorize", seeds::api_token, seeds::job_id, buffer.data(), buffer.size()),
           [](handwritten::reply const& r) {
             if (r.status == 400) return cielo24_error(r);
             if (r.status != 204) return false;
             std::puts("authorized");
             return true;
           });
#endif
#if APIDECL_BENCHMARK_ENDPOINTS >= 2
  exchange(http, handwritten::job_request("delete", seeds::api_token, seeds::job_id, buffer.data(), buffer.size()),
           [](handwritten::reply const& r) {
             if (r.status == 400) return cielo24_error(r);
             handwritten::task t;
             if (r.status != 200 || !handwritten::read_task(r.body, t)) return false;
             std::printf("deleted, task %s\n", t.task_id.c_str());
             return true;
           });
#endif
#if APIDECL_BENCHMARK_ENDPOINTS >= 3
  exchange(http, handwritten::authorize_quote_request(handwritten::seed_quote(), buffer.data(), buffer.size()),
           [](handwritten::reply const& r) {
             if (r.status == 202 || r.status == 402) {
               handwritten::quote_authorization a;
               if (!handwritten::read_quote_authorization(r.body, a)) return false;
               std::printf("quote %s\n", a.status.c_str());
             } else if (r.status == 400 || r.status == 401 || r.status == 404 || r.status == 405) {
               handwritten::ondemand_error e;
               if (!handwritten::read_ondemand_error(r.body, e)) return false;
               std::printf("refused: %s\n", e.simple_message.c_str());
             } else if (r.status == 409) {
               handwritten::quote q;
               if (!handwritten::read_quote(r.body, q)) return false;
               std::printf("corrected quote %s\n", q.quote_id.c_str());
             } else if (r.status == 429) {
               std::puts("over the rate limit");
             } else {
               return false;
             }
             return true;
           });
#endif
  return failures;
}
