// What a program pays to compile for the whole cielo24 catalog: it includes every endpoint
// (cielo24.hpp) and calls ten of them through the client over the mock transport, visiting every
// outcome of each, as a service calling cielo24 would. compile_cost/catalog measures its compile;
// run, it returns the number of calls that did not end in the answer scripted for them.
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/transport/mock.hpp>

#include <string>

namespace c24 = apidecl::cielo24;

int main() {
  std::string const json = "Content-Type: application/json\r\n";
  std::string const job = "64bea283eff6475ea6596027a6ba0929";
  apidecl::mock_transport mock;
  mock.respond(200, R"({"ApiToken": "7ca5dc5c7cce449fb0fff719307e8f5f"})", json)
      .respond(200, R"({"JobId": "64bea283eff6475ea6596027a6ba0929", "TaskId": "ab12"})", json)
      .respond(200, R"({"TaskId": "ab13"})", json)
      .respond(200, R"({"TaskId": "ab14"})", json)
      .respond(204)
      .respond(200, R"({"JobId": "64bea283eff6475ea6596027a6ba0929", "JobStatus": "Pending"})", json)
      .respond(200, R"({"Username": "u", "ActiveJobs": []})", json)
      .respond(200, "1\n00:00:00,000 --> 00:00:01,000\nHello\n", "Content-Type: text/plain\r\n")
      .respond(200, R"({"version": 2, "language": "en"})", json)
      .respond(400, R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "no such job"})", json);
  auto api = apidecl::make_client(mock, apidecl::boost_json_serializer{}, apidecl::text_serializer{},
                                  c24::token_auth{"7ca5dc5c7cce449fb0fff719307e8f5f"});

  int answered = 0;  // calls that ended in the documented answer scripted for them
  auto const visitor = apidecl::overload{
      [&](c24::login_token const& t) { answered += !t.api_token.empty(); },
      [&](c24::new_job const& j) { answered += j.job_id == job; },
      [&](c24::task const& t) { answered += !t.task_id.empty(); },
      [&](apidecl::no_content) { ++answered; },
      [&](c24::job_info const& i) { answered += i.job_id == job; },
      [&](c24::job_list const& l) { answered += l.active_jobs.empty(); },
      [&](std::string const& caption) { answered += !caption.empty(); },
      [&](c24::element_list const& e) { answered += e.version == 2; },
      [&](c24::error const& e) { answered += e.type == c24::error_type::item_not_found; },
      [](apidecl::unexpected_status const&) {},
      [](apidecl::failure const&) {}};

  api.call(c24::login, c24::username = "api_user", c24::password = "secret").visit(visitor);
  api.call(c24::create_job, c24::job_name = "interview").visit(visitor);
  api.call(c24::add_media, c24::job_id = job, c24::media_url = "https://example.com/talk.mp4").visit(visitor);
  api.call(c24::perform_transcription, c24::job_id = job, c24::transcription_fidelity = c24::job_fidelity::premium,
           c24::priority = c24::job_priority::standard)
      .visit(visitor);
  api.call(c24::authorize_job, c24::job_id = job).visit(visitor);
  api.call(c24::get_job_info, c24::job_id = job).visit(visitor);
  api.call(c24::list_jobs).visit(visitor);
  api.call(c24::get_caption, c24::job_id = job, c24::caption_format = c24::caption_file_format::srt).visit(visitor);
  api.call(c24::get_element_list, c24::job_id = job).visit(visitor);
  api.call(c24::delete_job, c24::job_id = job).visit(visitor);
  return 10 - answered;
}
