// Compile-time subject: authorize and delete a cielo24 job through apidecl.
#include "canned_transport.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>

#include <cstdio>

namespace c24 = apidecl::cielo24;

struct canned_transport {
  apidecl::transport_result send(apidecl::request const& r) {
    canned_reply const reply = exchange(r.method_name(), r.target());
    return apidecl::response{reply.status, {}, reply.body};
  }
};

int run(char const* token, char const* job) {
  canned_transport http;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  int outcome = 0;
  api.call(c24::authorize_job, c24::api_token = token, c24::job_id = job)
      .visit(apidecl::overload{[&](apidecl::no_content) { outcome += 1; },
                               [&](c24::error const& e) { std::puts(e.comment.c_str()); },
                               [&](apidecl::unexpected_status const&) { outcome += 100; },
                               [&](apidecl::failure const&) { outcome += 1000; }});
  api.call(c24::delete_job, c24::api_token = token, c24::job_id = job)
      .visit(apidecl::overload{[&](c24::task const& t) { std::puts(t.task_id.c_str()); },
                               [&](c24::error const& e) { std::puts(e.comment.c_str()); },
                               [&](apidecl::unexpected_status const&) { outcome += 100; },
                               [&](apidecl::failure const&) { outcome += 1000; }});
  return outcome;
}
