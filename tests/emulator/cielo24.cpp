#include "cielo24.hpp"

#include "query.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <array>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace emulator {

namespace {

constexpr std::string_view authorize_path = "/api/job/authorize";
constexpr std::string_view delete_path = "/api/job/delete";
constexpr std::string_view valid_api_token = "7ca5dc5c7cce449fb0fff719307e8f5f";

constexpr std::string_view authorizing = "Authorizing";
constexpr std::string_view pending = "Pending";

response json_response(http::status status, const boost::json::object& body) {
  return make_response(status, json_media_type, boost::json::serialize(body));
}

response error(std::string_view error_type, std::string_view comment) {
  return json_response(http::status::bad_request, {{"ErrorType", error_type}, {"ErrorComment", comment}});
}

}  // namespace

cielo24_service::cielo24_service() { reset(); }

bool cielo24_service::serves(std::string_view path) { return path == authorize_path || path == delete_path; }

response cielo24_service::handle(const request& message) {
  if (message.method() != http::verb::get && message.method() != http::verb::post) {
    return method_not_allowed("GET, POST");
  }
  parameters query;
  try {
    query = parse_query(message.target());
  } catch (const std::invalid_argument& bad_query) {
    return error("INVALID_QUERY", bad_query.what());
  }
  if (auto version = find_parameter(query, "v"); !version || *version != "1") {
    return error("INVALID_QUERY", "The API version v must be 1");
  }
  for (std::string_view name : {"api_token", "job_id"}) {
    if (!find_parameter(query, name)) {
      return error("MISSING_PARAMETER", "Missing required parameter " + std::string{name});
    }
  }
  if (*find_parameter(query, "api_token") != valid_api_token) {
    return error("BAD_API_TOKEN", "The api_token is not valid or has expired; log in again");
  }
  const auto& job_id = *find_parameter(query, "job_id");
  auto job = jobs_.find(job_id);
  if (job == jobs_.end()) {
    return error("ITEM_NOT_FOUND", "No job with job_id " + job_id);
  }
  return target_path(message.target()) == authorize_path ? authorize(job) : remove(job);
}

void cielo24_service::reset() {
  jobs_ = {{"64bea283eff6475ea6596027a6ba0929", std::string{authorizing}},
           {"11111111111111111111111111111111", std::string{pending}},
           {"22222222222222222222222222222222", "In Process"},
           {"33333333333333333333333333333333", "Complete"}};
  tasks_created_ = 0;
}

std::optional<std::string> cielo24_service::job_status(std::string_view job_id) const {
  auto job = jobs_.find(job_id);
  if (job == jobs_.end()) return std::nullopt;
  return job->second;
}

// The documentation: calling authorize on a job that is not Authorizing has no effect and succeeds.
response cielo24_service::authorize(job_map::iterator job) {
  if (job->second == authorizing) job->second = pending;
  return make_response(http::status::no_content);
}

response cielo24_service::remove(job_map::iterator job) {
  if (job->second != authorizing && job->second != pending) {
    return error("INVALID_QUERY",
                 "Job " + job->first + " has started processing (status " + job->second + ") and cannot be deleted");
  }
  jobs_.erase(job);
  // Task ids only need to be distinct and look real: 32 hex digits counting up from 1.
  std::array<char, 33> task_id{};
  std::snprintf(task_id.data(), task_id.size(), "%032llx", static_cast<unsigned long long>(++tasks_created_));
  return json_response(http::status::ok, {{"TaskId", task_id.data()}});
}

}  // namespace emulator
