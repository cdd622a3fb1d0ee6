// The example requests and responses of the cielo24 reference pages (examples/, copied as the
// pages print them): the request the catalog builds from the example's arguments is the example's
// method, target and body, and the example response decodes into the descriptor's type.
#include <catch2/catch.hpp>

#include "catalog_client.hpp"

#include <apidecl/apis/cielo24/cielo24.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace {
namespace c24 = apidecl::cielo24;
using cielo24_test::job;

// An HTTP message as a page prints it: the first line (a request line the page wraps goes on
// until the line that ends in the HTTP version), header lines, a blank line, the body.
struct printed_message {
  std::string first_line;
  std::string headers;  // "Name: value\r\n" each, as the mock takes them
  std::string body;
  bool read = false;
};

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\n')) text.remove_suffix(1);
  return text;
}

printed_message read_example(std::string_view name) {
  std::string path = __FILE__;
  path.erase(path.find_last_of("/\\") + 1);
  std::ifstream file(path + "examples/" + std::string(name), std::ios::binary);
  printed_message out;
  if (!file) return out;
  std::string line;
  while (std::getline(file, line)) {  // the first line, joined across the page's wrapping
    out.first_line += trimmed(line);
    std::string_view const so_far = out.first_line;
    if (so_far.substr(0, 5) == "HTTP/" || (so_far.size() >= 8 && so_far.substr(so_far.size() - 8) == "HTTP/1.1")) break;
  }
  while (std::getline(file, line) && !trimmed(line).empty()) out.headers += std::string(trimmed(line)) + "\r\n";
  std::ostringstream body;
  body << file.rdbuf();
  out.body = std::string(trimmed(body.str()));
  out.read = true;
  return out;
}

int status_of(printed_message const& response) {  // "HTTP/1.1 204 OK"; 0 if the line is not a status line
  std::string_view const line = response.first_line;
  if (line.size() < 12 || line.substr(0, 5) != "HTTP/") return 0;
  int code = 0;
  for (char digit : line.substr(9, 3)) {
    if (digit < '0' || digit > '9') return 0;
    code = code * 10 + (digit - '0');
  }
  return code;
}

// Answers one call with the example response and checks the request against the example's.
template <class Endpoint, class... Args>
auto exchange(std::string_view example, Endpoint const& endpoint, Args const&... args) {
  printed_message const request = read_example(std::string(example) + ".request");
  printed_message const response = read_example(std::string(example) + ".response");
  REQUIRE(request.read);
  REQUIRE(response.read);
  REQUIRE(status_of(response) != 0);
  apidecl::mock_transport mock;
  mock.respond(status_of(response), response.body, response.headers);
  auto api = cielo24_test::client(mock);
  auto r = api.call(endpoint, args...);
  REQUIRE(mock.requests().size() == 1);
  CHECK(mock.requests()[0].request_line() == request.first_line);
  CHECK(mock.requests()[0].body == request.body);
  return r;
}
}  // namespace

TEST_CASE("authorize_job sends the page's example request and reads its 204", "[cielo24]") {
  auto const r = exchange("authorize_job", c24::authorize_job, c24::job_id = job);
  CHECK(r.get_if<204>() != nullptr);
}

TEST_CASE("delete_job sends the page's example request and reads its TaskId", "[cielo24]") {
  auto const r = exchange("delete_job", c24::delete_job, c24::job_id = job);
  REQUIRE(r.get_if<200>() != nullptr);
  CHECK(r.get_if<200>()->task_id == "cc8095fbfecf4647b2e10b622d81c19b");
}

TEST_CASE("add_custom_guidelines sends the page's example request and reads its JSON answer", "[cielo24]") {
  auto const r = exchange("add_custom_guidelines", c24::add_custom_guidelines, c24::job_id = job,
                          c24::guidelines_url = "https://cielo24.com/guidelines/", c24::is_html = true);
  CHECK(r.get_if<200>() != nullptr);
}

TEST_CASE("a 200 that is not the documented JSON is a decode failure, not a success", "[cielo24]") {
  apidecl::mock_transport mock;
  mock.respond(200, "<html>Stored</html>", "Content-Type: text/html\r\n")
      .respond(200, R"({"CUSTOM_GUIDELINES_STORED": )", cielo24_test::json_headers);
  auto api = cielo24_test::client(mock);
  for (int i = 0; i < 2; ++i) {
    auto const r = api.call(c24::add_custom_guidelines, c24::job_id = job, c24::guidelines_url = "https://e.com/g");
    REQUIRE(r.failure_if() != nullptr);
    CHECK(r.failure_if()->kind() == apidecl::failure_kind::decode);
  }
}

TEST_CASE("perform_transcription refuses options that are not a JSON object before sending", "[cielo24]") {
  apidecl::mock_transport mock;
  mock.respond(200, R"({"TaskId": "ab12"})", cielo24_test::json_headers);
  auto api = cielo24_test::client(mock);
  for (std::string_view options : {"notes=fast", "[1, 2]", "{", ""}) {
    INFO(options);
    auto const r = api.call(c24::perform_transcription, c24::job_id = job,
                            c24::transcription_fidelity = c24::job_fidelity::premium,
                            c24::priority = c24::job_priority::standard, c24::options = options);
    REQUIRE(r.failure_if() != nullptr);
    CHECK(r.failure_if()->kind() == apidecl::failure_kind::validation);
  }
  CHECK(mock.requests().empty());
  auto const sent = api.call(c24::perform_transcription, c24::job_id = job,
                             c24::transcription_fidelity = c24::job_fidelity::premium,
                             c24::priority = c24::job_priority::standard, c24::options = R"({"notes":"x"})");
  CHECK(sent.get_if<200>() != nullptr);
}
