#include "backend.hpp"

#include "query.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace emulator {

namespace {

constexpr std::string_view control_prefix = "/_emulator/";
constexpr std::string_view jobs_route = "jobs/";

// A directory of its own under the system's temporary directory, so that two emulators never share one.
std::filesystem::path make_media_directory() {
  auto pattern = (std::filesystem::temp_directory_path() / "apidecl-emulator-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "cannot create " + pattern);
  return pattern;
}

response json_response(const boost::json::object& body) {
  return make_response(http::status::ok, json_media_type, boost::json::serialize(body));
}

}  // namespace

backend::backend()
    : media_directory_{make_media_directory()}, cielo24_{clock_, media_directory_}, ondemand_{clock_} {}

backend::~backend() {
  std::error_code ignored;
  std::filesystem::remove_all(media_directory_, ignored);
}

std::optional<std::filesystem::path> backend::upload_destination(const request& head) {
  if (!cielo24_service::takes_upload(head)) return std::nullopt;
  return cielo24_.next_upload_path();
}

reply backend::respond(const request& message, connection_record& connection, const std::filesystem::path* upload) {
  auto path = target_path(message.target());
  if (path.substr(0, control_prefix.size()) == control_prefix) {
    return control(message, path.substr(control_prefix.size()));
  }
  count(connection);
  note_repeat(message, path);
  auto taken = faults_.take(path);
  if (!taken) return {serve(message, path, upload)};
  auto media_type = ondemand_service::claims(message, cielo24_service::serves(path)) ? xml_media_type : json_media_type;
  bool served = false;
  auto real_response = [&] {
    served = true;
    return serve(message, path, upload);
  };
  auto faulty = apply_fault(*taken, real_response, media_type);
  // A fault that does not serve the request leaves its upload unkept.
  if (!served && upload) {
    std::error_code ignored;
    std::filesystem::remove(*upload, ignored);
  }
  return faulty;
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
  if (route == "clock") {
    if (method != http::verb::get) return {method_not_allowed("GET")};
    return {json_response({{"seconds", clock_.now()}, {"date", emulator_clock::date(clock_.now())}})};
  }
  if (route == "clock/advance") {
    if (method != http::verb::post) return {method_not_allowed("POST")};
    try {
      auto query = parse_query(message.target());
      const auto* text = find_parameter(query, "seconds");
      std::int64_t seconds = -1;
      auto parsed = text ? std::from_chars(text->data(), text->data() + text->size(), seconds)
                         : std::from_chars_result{nullptr, std::errc::invalid_argument};
      if (parsed.ec != std::errc{} || parsed.ptr != text->data() + text->size() || seconds < 0) {
        return {text_response(http::status::bad_request, "seconds must be a non-negative integer")};
      }
      clock_.advance(seconds);
    } catch (const std::invalid_argument& bad_query) {
      return {text_response(http::status::bad_request, bad_query.what())};
    }
    return {json_response({{"seconds", clock_.now()}, {"date", emulator_clock::date(clock_.now())}})};
  }
  if (route == "rate_limit") {
    if (method != http::verb::post) return {method_not_allowed("POST")};
    try {
      auto query = parse_query(message.target());
      const auto* text = find_parameter(query, "per_minute");
      std::uint64_t per_minute = 0;
      auto parsed = text ? std::from_chars(text->data(), text->data() + text->size(), per_minute)
                         : std::from_chars_result{nullptr, std::errc::invalid_argument};
      if (parsed.ec != std::errc{} || parsed.ptr != text->data() + text->size()) {
        return {text_response(http::status::bad_request, "per_minute must be a non-negative integer")};
      }
      ondemand_.limit_rate(per_minute);
    } catch (const std::invalid_argument& bad_query) {
      return {text_response(http::status::bad_request, bad_query.what())};
    }
    return {make_response(http::status::no_content)};
  }
  if (route.substr(0, jobs_route.size()) == jobs_route) {
    if (method != http::verb::get) return {method_not_allowed("GET")};
    auto status = cielo24_.job_status(route.substr(jobs_route.size()));
    if (!status) return {text_response(http::status::not_found, "no such job")};
    return {json_response({{"JobStatus", *status}})};
  }
  return {text_response(http::status::not_found, "no such control endpoint")};
}

response backend::serve(const request& message, std::string_view path, const std::filesystem::path* upload) {
  // A handler that throws is an emulator bug: the client hears of it as a 500, and the emulator
  // keeps serving the other tests.
  try {
    bool const cielo24_path = cielo24_service::serves(path);
    if (ondemand_service::claims(message, cielo24_path)) return ondemand_.handle(message);
    if (cielo24_path) return cielo24_.handle(message, upload);
    return text_response(http::status::not_found, "no such endpoint");
  } catch (const std::exception& bug) {
    return text_response(http::status::internal_server_error, std::string{"emulator error: "} + bug.what());
  }
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
      path == "/api/job/delete" || (ondemand_service::is_authorize(path) && message.method() == http::verb::post);
  if (!not_idempotent) return;
  auto identity = std::string{message.method_string()} + ' ' + std::string{message.target()};
  if (!not_idempotent_seen_.insert(std::move(identity)).second) ++repeated_;
}

void backend::reset() {
  clock_.reset();
  cielo24_.reset();
  ondemand_.reset();
  faults_.clear();
  ++generation_;
  connections_ = 0;
  requests_ = 0;
  not_idempotent_seen_.clear();
  repeated_ = 0;
}

}  // namespace emulator
