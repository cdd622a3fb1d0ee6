#include "messages.hpp"

#include <utility>

namespace emulator {

response make_response(http::status status, std::string_view media_type, std::string body) {
  response message{status, 11};
  if (!body.empty()) {
    message.set(http::field::content_type, media_type);
  }
  message.body() = std::move(body);
  return message;
}

response text_response(http::status status, std::string_view text) {
  std::string body{text};
  body += '\n';
  return make_response(status, text_media_type, std::move(body));
}

response method_not_allowed(std::string_view allowed) {
  auto message = text_response(http::status::method_not_allowed, "method not allowed");
  message.set(http::field::allow, allowed);
  return message;
}

}  // namespace emulator
