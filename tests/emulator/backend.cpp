#include "backend.hpp"

#include "query.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>
#include <string>

namespace emulator {

namespace {

constexpr std::string_view control_prefix = "/_emulator/";
constexpr std::string_view jobs_route = "jobs/";

response json_response(const boost::json::object& body) {
  return make_response(http::status::ok, json_media_type, boost::json::serialize(body));
}

}  // namespace

reply backend::respond(const request& message, connection_record& connection) {
  auto path = target_path(message.target());
  if (path.substr(0, control_prefix.size()) == control_prefix) {
    return control(message, path.substr(control_prefix.size()));
  }
  count(connection);
  note_repeat(message, path);
  auto taken = faults_.take(path);
  if (!taken) return {serve(message, path)};
  auto media_type = ondemand_service::serves(path) ? xml_media_type : json_media_type;
  auto real_response = [&] { return serve(message, path); };
  return apply_fault(*taken, real_response, media_type);
}

reply backend::control(const request& message, std::string_view route) {
  auto method = message.method();
  if (route == "reset") {
    if (method != http::verb::post) return {method_not_allowed("POST")};
    reset();
    return {make_response(http::status::no_content)};
  }
  if (route == "stats") {
    if (method != http::verb::get) return {method_not_allowed("GET")};
    return {json_response({{"connections", connections_}, {"requests", requests_}, {"repeated", repeated_}})};
  }
  if (route == "fault") {
    if (method != http::verb::post) return {method_not_allowed("POST")};
    try {
      faults_.install(parse_fault(parse_query(message.target())));
    } catch (const std::invalid_argument& bad_fault) {
      return {text_response(http::status::bad_request, bad_fault.what())};
    }
    return {make_response(http::status::no_content)};
  }
  if (route == "shutdown") {
    if (method != http::verb::post) return {method_not_allowed("POST")};
    return {make_response(http::status::no_content), delivery::then_shutdown};
  }
  if (route.substr(0, jobs_route.size()) == jobs_route) {
    if (method != http::verb::get) return {method_not_allowed("GET")};
    auto status = cielo24_.job_status(route.substr(jobs_route.size()));
    if (!status) return {text_response(http::status::not_found, "no such job")};
    return {json_response({{"JobStatus", *status}})};
  }
  return {text_response(http::status::not_found, "no such control endpoint")};
}

response backend::serve(const request& message, std::string_view path) {
  if (cielo24_service::serves(path)) return cielo24_.handle(message);
  if (ondemand_service::serves(path)) return ondemand_.handle(message);
  return text_response(http::status::not_found, "no such endpoint");
}

void backend::count(connection_record& connection) {
  ++requests_;
  if (connection.counted_in_generation != generation_) {
    connection.counted_in_generation = generation_;
    ++connections_;
  }
}

// Delete Job and Authorize Quote change state: the same one twice is a client sending again what
// it should not have (or a caller repeating itself), which soak runs count.
void backend::note_repeat(const request& message, std::string_view path) {
  const bool not_idempotent =
      path == "/api/job/delete" || (ondemand_service::serves(path) && message.method() == http::verb::post);
  if (!not_idempotent) return;
  auto identity = std::string{message.method_string()} + ' ' + std::string{message.target()};
  if (!not_idempotent_seen_.insert(std::move(identity)).second) ++repeated_;
}

void backend::reset() {
  cielo24_.reset();
  faults_.clear();
  ++generation_;
  connections_ = 0;
  requests_ = 0;
  not_idempotent_seen_.clear();
  repeated_ = 0;
}

}  // namespace emulator
