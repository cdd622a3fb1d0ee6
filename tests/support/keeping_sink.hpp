// A BodySink for tests that keeps what it is given (the body, the status and header fields it
// began with) and refuses where it is told to.
#ifndef APIDECL_TESTS_SUPPORT_KEEPING_SINK_HPP
#define APIDECL_TESTS_SUPPORT_KEEPING_SINK_HPP

#include <apidecl/core/body_sink.hpp>
#include <apidecl/core/header_list.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace test_support {

struct keeping_sink {
  std::string body;
  std::string headers;
  int status = 0;
  int begun = 0;
  bool refuse_begin = false;
  std::size_t refuse_past = std::string::npos;  // refuses a write that would keep more than this
  apidecl::sink_status begin(int s, apidecl::header_list h) noexcept {
    ++begun;
    status = s;
    headers = std::string(h.text());
    if (refuse_begin) return apidecl::stream_failure{"cannot create the file", 13};
    return std::nullopt;
  }
  apidecl::sink_status write(std::string_view chunk) noexcept {
    if (refuse_past != std::string::npos && body.size() + chunk.size() > refuse_past)
      return apidecl::stream_failure{"disk full", 28};
    body.append(chunk);
    return std::nullopt;
  }
};

}  // namespace test_support

#endif
