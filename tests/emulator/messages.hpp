// The message types every part of the emulator shares, and the reply the server delivers.
#ifndef APIDECL_EMULATOR_MESSAGES_HPP
#define APIDECL_EMULATOR_MESSAGES_HPP

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace emulator {

namespace http = boost::beast::http;

using request = http::request<http::string_body>;
using response = http::response<http::string_body>;

inline constexpr std::string_view json_media_type = "application/json";
inline constexpr std::string_view xml_media_type = "text/xml";
inline constexpr std::string_view text_media_type = "text/plain";

/// A response with a body of the given media type, or without a body when `body` is empty.
response make_response(http::status status, std::string_view media_type = {}, std::string body = {});

/// A short plain-text response, for what neither service would answer (unknown paths, misuse of the
/// control endpoints).
response text_response(http::status status, std::string_view text);

/// 405 naming the methods the endpoint takes.
response method_not_allowed(std::string_view allowed);

/// How the server puts a response on the wire; everything but `normal` serves a fault or the shutdown.
enum class delivery {
  normal,
  after_delay,            ///< wait `reply::delay` first, without holding up other connections
  close_before_response,  ///< close the connection without sending anything
  close_during_body,      ///< send the head and part of the body, then close
  then_shutdown,          ///< send the response, then stop the emulator
};

/// A response and how to deliver it.
struct reply {
  response message;
  delivery how = delivery::normal;
  std::chrono::milliseconds delay{};
};

}  // namespace emulator

#endif
