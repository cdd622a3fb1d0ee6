// Compile-time baseline: the same two cielo24 calls written by hand with {fmt} and Boost.JSON.
#include "canned_transport.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <string>

namespace {

void percent_encode(std::string_view text, fmt::memory_buffer& out) {
  for (char c : text) {
    bool const plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~';
    if (plain) out.push_back(c);
    else fmt::format_to(std::back_inserter(out), "%{:02X}", static_cast<unsigned char>(c));
  }
}

bool is_hex(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

struct error_body {
  std::string type, comment;
};

bool read_error(std::string_view body, error_body& e) {
  boost::json::error_code ec;
  boost::json::value const v = boost::json::parse({body.data(), body.size()}, ec);
  auto const* object = v.if_object();
  if (ec || !object) return false;
  auto const* type = object->if_contains("ErrorType");
  auto const* comment = object->if_contains("ErrorComment");
  if (!type || !type->is_string() || !comment || !comment->is_string()) return false;
  e.type = type->get_string().c_str();
  e.comment = comment->get_string().c_str();
  return true;
}

int call(std::string_view action, char const* token, char const* job, std::string* task_id) {
  if (!is_hex(token) || !is_hex(job)) return -1;
  fmt::memory_buffer target;
  fmt::format_to(std::back_inserter(target), "/api/job/{}?v=1&api_token=", action);
  percent_encode(token, target);
  fmt::format_to(std::back_inserter(target), "&job_id=");
  percent_encode(job, target);
  canned_reply const reply = exchange("GET", {target.data(), target.size()});
  if (reply.status == 400) {
    error_body e;
    if (!read_error(reply.body, e)) return 1000;
    std::puts(e.comment.c_str());
    return 0;
  }
  if (task_id && reply.status == 200) {
    boost::json::error_code ec;
    boost::json::value const v = boost::json::parse({reply.body.data(), reply.body.size()}, ec);
    auto const* object = v.if_object();
    auto const* id = object ? object->if_contains("TaskId") : nullptr;
    if (ec || !id || !id->is_string()) return 1000;
    *task_id = id->get_string().c_str();
    return 0;
  }
  return (!task_id && reply.status == 204) ? 1 : 100;
}

}  // namespace

int run(char const* token, char const* job) {
  std::string task_id;
  int const outcome = call("authorize", token, job, nullptr) + call("delete", token, job, &task_id);
  if (!task_id.empty()) std::puts(task_id.c_str());
  return outcome;
}
