// Every cielo24 descriptor against the conformance table written from the reference pages
// (cielo24.table): method, path, each parameter's presence and type, the request body, each
// documented status and its body. A difference is reported by endpoint and field.
#include <catch2/catch.hpp>

#include "catalog_objects.hpp"
#include "descriptor_row.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {
namespace e = apidecl::cielo24::endpoints;

// Every descriptor of the catalog (cielo24.hpp): the 31 documented endpoints and the two second
// shapes, add_media_file and get_caption_url.
using catalog = apidecl::openapi::endpoint_list<
    e::login, e::logout, e::update_password, e::update_setting, e::generate_api_key, e::remove_api_key,
    e::create_account, e::create_job, e::authorize_job, e::modify_job, e::delete_job, e::get_job_info, e::list_jobs,
    e::list_related_jobs, e::add_media, e::add_media_file, e::add_media_url, e::add_transcript,
    e::add_custom_guidelines, e::request_upload_url, e::perform_transcription, e::translate, e::uplevel,
    e::burn_in_caption, e::get_transcript, e::get_caption, e::get_caption_url, e::get_element_list,
    e::list_element_lists, e::get_media, e::get_transcoded_media, e::download_media, e::aggregate_statistics>;

std::string joined(std::vector<std::string> const& lines) {
  std::string out;
  for (std::string const& line : lines) out += line + '\n';
  return out;
}

// delete_job as the hand-written SDKs call it: the path every one of them uses, and a POST.
struct drifted_delete_job {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/job/del";
  using params = apidecl::params<apidecl::cielo24::params::v, apidecl::cielo24::params::api_token,
                                 apidecl::cielo24::params::job_id>;
  using responses = apidecl::responses<apidecl::on<200, apidecl::cielo24::task, apidecl::json>,
                                       apidecl::on<400, apidecl::cielo24::error, apidecl::json>>;
};
}  // namespace

TEST_CASE("every cielo24 descriptor is what the reference pages document", "[cielo24][conformance]") {
  conformance::table const documented = conformance::read_table_file("cielo24.table");
  std::vector<conformance::endpoint_row> const declared = conformance::rows_of(catalog{});
  CHECK(documented.rows.size() == 33);
  CHECK(declared.size() == 33);
  std::vector<std::string> const found = conformance::compare(documented, declared);
  INFO(joined(found));
  CHECK(found.empty());
}

TEST_CASE("the list of descriptors checked is every endpoint the cielo24 headers declare", "[cielo24][conformance]") {
  std::vector<std::string> checked;
  for (conformance::endpoint_row const& row : conformance::rows_of(catalog{})) checked.push_back(row.name);
  std::sort(checked.begin(), checked.end());
  CHECK(conformance::endpoint_objects("cielo24") == checked);
}

TEST_CASE("a descriptor that drifts from the table is reported by endpoint and field", "[cielo24][conformance]") {
  conformance::table const documented = conformance::read_table_file("cielo24.table");
  REQUIRE(documented.problems.empty());  // the table was read whole
  std::vector<conformance::endpoint_row> declared = conformance::rows_of(catalog{});
  conformance::endpoint_row drifted = conformance::row_of<drifted_delete_job>();
  drifted.name = "delete_job";
  for (conformance::endpoint_row& row : declared)
    if (row.name == "delete_job") row = drifted;

  std::vector<std::string> const found = conformance::compare(documented, declared);
  CHECK(found == std::vector<std::string>{
                     "delete_job: method: the table says GET, the descriptor POST",
                     "delete_job: path: the table says /api/job/delete, the descriptor /api/job/del"});
}

TEST_CASE("a parameter, a status or a body that differs is reported", "[cielo24][conformance]") {
  conformance::endpoint_row const documented = conformance::row_of<e::get_transcoded_media>();
  conformance::endpoint_row declared = documented;
  declared.params[2].presence = "optional";              // job_id
  declared.params[3].type = "int";                        // transcoded_version
  declared.params.push_back({"query", "extra", "optional", "bool"});
  declared.statuses.pop_back();                           // 422
  declared.statuses.push_back({"500", "json"});
  declared.statuses[0].body = "text";
  declared.body = "bytes";

  CHECK(conformance::differences(documented, declared) ==
        std::vector<std::string>{
            "get_transcoded_media: request body: the table says none, the descriptor bytes",
            "get_transcoded_media: parameter job_id: the table says query required hex, the descriptor query optional hex",
            "get_transcoded_media: parameter transcoded_version: the table says query required string, the descriptor "
            "query required int",
            "get_transcoded_media: parameter extra: the table says nothing, the descriptor query optional bool",
            "get_transcoded_media: status 200: the table says json, the descriptor text",
            "get_transcoded_media: status 422: the table says json, the descriptor nothing",
            "get_transcoded_media: status 500: the table says nothing, the descriptor json"});
  CHECK(conformance::differences(documented, documented).empty());
}

TEST_CASE("status ranges and a call's alternatives are compared too", "[cielo24][conformance]") {
  conformance::endpoint_row const related = conformance::row_of<e::list_related_jobs>();
  REQUIRE(related.statuses.size() == 3);
  CHECK(related.statuses[1].code == "4xx");
  conformance::endpoint_row narrowed = related;
  narrowed.statuses[1].code = "400";  // as the descriptor once declared it
  CHECK(conformance::differences(related, narrowed) ==
        std::vector<std::string>{"list_related_jobs: status 4xx: the table says json, the descriptor nothing",
                                 "list_related_jobs: status 400: the table says nothing, the descriptor json"});

  conformance::endpoint_row const login = conformance::row_of<e::login>();
  CHECK(login.exactly_one_of == "password securekey");
  conformance::endpoint_row loose = login;
  loose.exactly_one_of.clear();
  CHECK(conformance::differences(login, loose) ==
        std::vector<std::string>{"login: exactly one of: the table says password securekey, the descriptor nothing"});
}

TEST_CASE("an endpoint in only the table or only the catalog is reported", "[cielo24][conformance]") {
  conformance::table documented = conformance::read_table_file("cielo24.table");
  REQUIRE(documented.problems.empty());  // the table was read whole
  std::vector<conformance::endpoint_row> declared = conformance::rows_of(catalog{});
  declared.erase(declared.begin());   // login
  documented.rows.pop_back();          // aggregate_statistics
  CHECK(conformance::compare(documented, declared) ==
        std::vector<std::string>{"login: in the table, but no descriptor of that name",
                                 "aggregate_statistics: a descriptor the table does not document"});
}

TEST_CASE("a table line of no known shape is a problem, not skipped", "[conformance]") {
  conformance::table const read = conformance::read_table(
      "  status 200 json\n"
      "job GET /api/job\n"
      "  status 20x json\n"
      "  query job_id required\n"
      "  colour blue\n"
      "  # a comment\n"
      "  note anything\n"
      "  query job_id required hex\n"
      "  status 204 none\n"
      "  status 4xx json\n"
      "  status 6xx json\n"
      "  one_of job_id\n"
      "  one_of job_id task_id\n");
  REQUIRE(read.rows.size() == 1);
  CHECK(read.rows[0].params.size() == 1);
  REQUIRE(read.rows[0].statuses.size() == 2);
  CHECK(read.rows[0].statuses[1].code == "4xx");
  CHECK(read.rows[0].exactly_one_of == "job_id task_id");
  std::string const status_shape = "a status line is `status CODE KIND`, CODE being 100-599 or a range such as 4xx";
  CHECK(read.problems == std::vector<std::string>{
                             "line 1: an indented line before any endpoint: status 200 json",
                             "line 3: " + status_shape + ": status 20x json",
                             "line 4: a parameter line is `WHERE NAME PRESENCE TYPE`: query job_id required",
                             "line 5: unknown line: colour blue",
                             "line 11: " + status_shape + ": status 6xx json",
                             "line 12: a one_of line names two parameters or more: one_of job_id"});
  CHECK(conformance::read_table_file("no such table").problems.size() == 1);
}
