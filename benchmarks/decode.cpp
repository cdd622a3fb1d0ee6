// How much decoding a response through apidecl costs next to hand-written code on the same parser
// libraries: Delete Job's 200 body and cielo24's 400 error body (Boost.JSON), and Authorize
// Quote's 202 QuoteAuthorization (pugixml), each turned into its struct. Both sides are first
// checked to read the same values.
#include "handwritten/json_bodies.hpp"
#include "handwritten/xml_bodies.hpp"
#include "support/seeds.hpp"
#include "support/side_by_side.hpp"

#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <optional>

namespace {

namespace c24 = apidecl::cielo24;
namespace lod = apidecl::ondemand;

apidecl::serializer_set const json{apidecl::boost_json_serializer{}};
apidecl::serializer_set const xml{apidecl::pugixml_serializer{}};

auto library_task() { return apidecl::decode(c24::delete_job, apidecl::response{200, {}, seeds::task_body}, json); }
auto library_error() { return apidecl::decode(c24::delete_job, apidecl::response{400, {}, seeds::error_body}, json); }
auto library_authorization() {
  return apidecl::decode(lod::authorize_quote, apidecl::response{202, {}, seeds::quote_authorization_body}, xml);
}

std::optional<handwritten::task> baseline_task() {
  handwritten::task t;
  if (!handwritten::read_task(seeds::task_body, t)) return std::nullopt;
  return t;
}
std::optional<handwritten::error> baseline_error() {
  handwritten::error e;
  if (!handwritten::read_error(seeds::error_body, e)) return std::nullopt;
  return e;
}
std::optional<handwritten::quote_authorization> baseline_authorization() {
  handwritten::quote_authorization a;
  if (!handwritten::read_quote_authorization(seeds::quote_authorization_body, a)) return std::nullopt;
  return a;
}

// One decoding, its value made and dropped, as a caller's would be.
template <auto Decode>
void decode_once() {
  auto decoded = Decode();
  benchmark::DoNotOptimize(decoded);
}

std::vector<side_by_side::pair> const pairs = {
    {"delete_job_200", decode_once<library_task>, decode_once<baseline_task>},
    {"delete_job_400", decode_once<library_error>, decode_once<baseline_error>},
    {"authorize_quote_202", decode_once<library_authorization>, decode_once<baseline_authorization>},
};

// Whether the two sides read the same values from each body.
bool same_values() {
  auto const job = library_task();
  auto const task = baseline_task();
  if (!job.get_if<200>() || !task || job.get_if<200>()->task_id != task->task_id) return false;

  auto const refused = library_error();
  auto const error = baseline_error();
  c24::error const* const e = refused.get_if<400>();
  if (!e || !error || e->type.text() != error->type || e->comment != error->comment) return false;

  auto const authorized = library_authorization();
  auto const authorization = baseline_authorization();
  lod::quote_authorization const* const a = authorized.get_if<202>();
  return a && authorization && a->status.text() == authorization->status && a->quote_url == authorization->quote_url &&
         a->projects.size() == authorization->projects.size() &&
         a->projects[0].project_id.value() == authorization->projects[0].project_id &&
         a->projects[0].products[0].sku_numbers == authorization->projects[0].products[0].sku_numbers;
}

}  // namespace

int main(int argc, char** argv) {
  if (!same_values()) {
    std::fprintf(stderr, "decode: the two sides do not read the same values\n");
    return 1;
  }
  return side_by_side::run(argc, argv, "decode", pairs);
}
