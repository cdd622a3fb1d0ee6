// Compile-time and size subject (compile_time/, binary_size/): a program calling the three seed
// endpoints through apidecl's client over its mock transport, handling every documented outcome.
// APIDECL_BENCHMARK_ENDPOINTS (0 to 3, 3 unless set) says how many of the three it calls, in the
// order below, so that compile_time/ can tell what each endpoint adds from what the headers cost.
#include "../../tests/support/ondemand_seed_quote.hpp"
#include "support/seeds.hpp"

#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/mock.hpp>

#include <cstdio>
#include <string>

#ifndef APIDECL_BENCHMARK_ENDPOINTS
#define APIDECL_BENCHMARK_ENDPOINTS 3
#endif

namespace c24 = apidecl::cielo24;
namespace lod = apidecl::ondemand;

int main() {
  apidecl::mock_transport mock;
  mock.respond(204)
      .respond(200, std::string(seeds::task_body))
      .respond(202, std::string(seeds::quote_authorization_body));
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, apidecl::pugixml_serializer{});

  int failures = 0;
  auto const unexpected = [&](apidecl::unexpected_status const& u) {
    std::printf("unexpected status %d\n", u.status);
    ++failures;
  };
  auto const failed = [&](apidecl::failure const&) {
    std::puts("failed");
    ++failures;
  };
  auto const refused = [](c24::error const& e) { std::printf("refused: %s\n", e.comment.c_str()); };

#if APIDECL_BENCHMARK_ENDPOINTS >= 1
  api.call(c24::authorize_job, c24::api_token = seeds::api_token, c24::job_id = seeds::job_id)
      .visit(apidecl::overload{[](apidecl::no_content) { std::puts("authorized"); }, refused, unexpected, failed});
#endif
#if APIDECL_BENCHMARK_ENDPOINTS >= 2
  api.call(c24::delete_job, c24::api_token = seeds::api_token, c24::job_id = seeds::job_id)
      .visit(apidecl::overload{[](c24::task const& t) { std::printf("deleted, task %s\n", t.task_id.c_str()); },
                               refused, unexpected, failed});
#endif
#if APIDECL_BENCHMARK_ENDPOINTS >= 3
  api.call(lod::authorize_quote, lod::quote_id = seeds::quote_id, apidecl::body = ondemand_seed::request_example_quote())
      .visit(apidecl::overload{
          [](lod::quote_authorization const& a) { std::printf("quote %s\n", std::string(a.status.text()).c_str()); },
          [](lod::error const& e) { std::printf("refused: %s\n", e.simple_message.c_str()); },
          [](lod::quote const& q) { std::printf("corrected quote %s\n", q.quote_id.value().c_str()); },
          [](apidecl::no_content) { std::puts("over the rate limit"); }, unexpected, failed});
#endif
  return failures;
}
