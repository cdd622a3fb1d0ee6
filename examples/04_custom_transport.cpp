// 04 — Plug in your own HTTP stack: a Transport is one member function. Here the "engine" is a
// stand-in for a game engine's HTTP module with its own request and response types.
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>

#include <fmt/core.h>

#include <string>
#include <utility>
#include <vector>

namespace engine {  // what the engine already has
struct http_request {
  std::string verb, url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string payload;
};
struct http_reply {
  int code = 0;
  std::string header_text, payload;
  bool network_error = false;
};
inline http_reply perform(http_request const& req) {  // pretends to be the network
  if (req.url.find("/api/job/authorize") == std::string::npos) return {0, {}, {}, true};
  return {204, "Server: engine-stub\r\n", {}};
}
}  // namespace engine

// The adapter: tens of lines, written once per engine.
class engine_transport {
 public:
  explicit engine_transport(std::string base_url) : base_url_(std::move(base_url)) {}

  apidecl::transport_result send(apidecl::request const& r) {
    engine::http_request req{std::string(r.method_name()), base_url_ + std::string(r.target()), {},
                             std::string(r.body())};
    for (apidecl::header_field const& h : r.headers()) req.headers.emplace_back(h.name, h.value);
    last_ = engine::perform(req);
    if (last_.network_error)
      return apidecl::transport_error{apidecl::transport_errc::cannot_connect, false, "engine: host unreachable"};
    return apidecl::response{last_.code, apidecl::header_list(last_.header_text), last_.payload};
  }

 private:
  std::string base_url_;
  engine::http_reply last_;  // the response views point into it until the next send
};
static_assert(apidecl::is_transport_v<engine_transport>);

namespace c24 = apidecl::cielo24;

int main() {
  engine_transport http{"https://sandbox.cielo24.com"};
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto authorize = api.call(c24::authorize_job, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                            c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  auto remove = api.call(c24::delete_job, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                         c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  auto report = apidecl::overload{
      [](apidecl::no_content) { fmt::print("authorized\n"); },
      [](c24::task const& t) { fmt::print("deleted, task {}\n", t.task_id); },
      [](c24::error const& e) { fmt::print("refused: {}\n", e.type.text()); },
      [](apidecl::unexpected_status const& s) { fmt::print("{}\n", s); },
      [](apidecl::failure const& f) {
        fmt::print("failed: {} (may have reached the server: {})\n", f, f.may_have_reached_server());
      }};
  authorize.visit(report);
  remove.visit(report);

  // The stub engine knows one URL: the authorization goes through, the delete never leaves.
  apidecl::failure const* lost = remove.failure_if();
  bool const never_left = lost && lost->transport() && !lost->may_have_reached_server();
  return authorize.get_if<204>() && never_left ? 0 : 1;
}
