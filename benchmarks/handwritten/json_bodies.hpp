// Hand-written baseline: cielo24's JSON bodies read with Boost.JSON, parsed into a stack arena as
// apidecl's serializer does, every field checked for presence and type.
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_JSON_BODIES_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_JSON_BODIES_HPP

#include "handwritten/bodies.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace handwritten {

namespace detail {
// The string member `key` of `object` into `out`; false if it is missing or not a string.
inline bool read_string(boost::json::object const& object, std::string_view key, std::string& out) {
  boost::json::value const* member = object.if_contains({key.data(), key.size()});
  boost::json::string const* text = member ? member->if_string() : nullptr;
  if (text == nullptr) return false;
  out.assign(text->data(), text->size());
  return true;
}

// Parses `body` and hands its top-level object to `read`; false if it is not a JSON object.
template <class Read>
bool read_object(std::string_view body, Read read) {
  unsigned char arena[4096];
  boost::json::monotonic_resource memory(arena, sizeof arena);
  boost::json::error_code ec;
  boost::json::value const document = boost::json::parse({body.data(), body.size()}, ec, &memory);
  boost::json::object const* object = document.if_object();
  return !ec && object && read(*object);
}
}  // namespace detail

/// Reads `{"TaskId": "..."}`.
inline bool read_task(std::string_view body, task& out) {
  return detail::read_object(
      body, [&](boost::json::object const& object) { return detail::read_string(object, "TaskId", out.task_id); });
}

/// Reads `{"ErrorType": "...", "ErrorComment": "..."}`.
inline bool read_error(std::string_view body, error& out) {
  return detail::read_object(body, [&](boost::json::object const& object) {
    return detail::read_string(object, "ErrorType", out.type) &&
           detail::read_string(object, "ErrorComment", out.comment);
  });
}

}  // namespace handwritten

#endif
