// Hand-written baseline: the stand-in for apidecl's mock_transport. It keeps a copy of each
// request and answers with the next reply of its script.
#ifndef APIDECL_BENCHMARKS_HANDWRITTEN_SCRIPTED_TRANSPORT_HPP
#define APIDECL_BENCHMARKS_HANDWRITTEN_SCRIPTED_TRANSPORT_HPP

#include "handwritten/requests.hpp"

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace handwritten {

struct reply {
  int status = 0;
  std::string body;
};

class scripted_transport {
 public:
  scripted_transport& respond(int status, std::string body = {}) {
    script_.push_back({status, std::move(body)});
    return *this;
  }

  /// The next reply, or none when the script has run out.
  std::optional<reply> send(request const& r) {
    sent_.push_back({std::string(r.method), std::string(r.target), std::string(r.headers), std::string(r.body)});
    if (script_.empty()) return std::nullopt;
    reply next = std::move(script_.front());
    script_.pop_front();
    return next;
  }

 private:
  struct sent_request {
    std::string method, target, headers, body;
  };
  std::deque<reply> script_;
  std::vector<sent_request> sent_;
};

}  // namespace handwritten

#endif
