// How much building a request through apidecl costs next to careful hand-written code: the three
// seed requests, each built into a caller's buffer: target, headers and body. Both sides are first
// checked to build the same bytes.
#include "handwritten/requests.hpp"
#include "../tests/support/ondemand_seed_quote.hpp"
#include "support/seeds.hpp"
#include "support/side_by_side.hpp"

#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/pugixml.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <optional>
#include <string_view>

namespace {

namespace c24 = apidecl::cielo24;
namespace lod = apidecl::ondemand;

// What a side built last, as text, so the two sides can be checked to build the same request.
struct built_text {
  std::string_view method, target, headers, body;
  bool operator==(built_text const& o) const {
    return method == o.method && target == o.target && headers == o.headers && body == o.body;
  }
};

std::array<char, 1024> library_buffer;
std::array<char, 1024> baseline_buffer;
std::optional<built_text> library_built;
std::optional<built_text> baseline_built;

void keep(apidecl::build_result const& built) {
  benchmark::DoNotOptimize(built);
  if (built)
    library_built = built_text{built->method_name(), built->target(), built->headers().text(), built->body()};
  else
    library_built.reset();
}
void keep(std::optional<handwritten::request> const& built) {
  benchmark::DoNotOptimize(built);
  if (built)
    baseline_built = built_text{built->method, built->target, built->headers, built->body};
  else
    baseline_built.reset();
}

lod::quote const& library_quote() {
  static lod::quote const value = ondemand_seed::request_example_quote();
  return value;
}
handwritten::quote const& baseline_quote() {
  static handwritten::quote const value = handwritten::seed_quote();
  return value;
}

void library_authorize_job() {
  keep(apidecl::build(c24::authorize_job, library_buffer, c24::api_token = seeds::api_token,
                      c24::job_id = seeds::job_id));
}
void baseline_authorize_job() {
  keep(handwritten::job_request("authorize", seeds::api_token, seeds::job_id, baseline_buffer.data(),
                                baseline_buffer.size()));
}
void library_delete_job() {
  keep(apidecl::build(c24::delete_job, library_buffer, c24::api_token = seeds::api_token, c24::job_id = seeds::job_id));
}
void baseline_delete_job() {
  keep(handwritten::job_request("delete", seeds::api_token, seeds::job_id, baseline_buffer.data(),
                                baseline_buffer.size()));
}
void library_authorize_quote() {
  keep(apidecl::build(lod::authorize_quote, library_buffer, apidecl::serializer_set{apidecl::pugixml_serializer{}},
                      lod::quote_id = seeds::quote_id, apidecl::body = library_quote()));
}
void baseline_authorize_quote() {
  keep(handwritten::authorize_quote_request(baseline_quote(), baseline_buffer.data(), baseline_buffer.size()));
}

std::vector<side_by_side::pair> const pairs = {
    {"authorize_job", library_authorize_job, baseline_authorize_job},
    {"delete_job", library_delete_job, baseline_delete_job},
    {"authorize_quote", library_authorize_quote, baseline_authorize_quote},
};

}  // namespace

int main(int argc, char** argv) {
  for (side_by_side::pair const& p : pairs) {
    p.apidecl();
    p.handwritten();
    if (!library_built || !baseline_built || !(*library_built == *baseline_built)) {
      std::fprintf(stderr, "%s: the two sides do not build the same request\n", p.name.c_str());
      return 1;
    }
  }

  return side_by_side::run(argc, argv, "request_build", pairs);
}
