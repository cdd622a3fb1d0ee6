// A transport both compile-time subjects share: it answers every request with one canned reply,
// so the measured translation units differ only in how they build requests and decode bodies.
#ifndef APIDECL_BENCHMARKS_CANNED_TRANSPORT_HPP
#define APIDECL_BENCHMARKS_CANNED_TRANSPORT_HPP

#include <string_view>

struct canned_reply {
  int status;
  std::string_view body;
};

canned_reply exchange(std::string_view method, std::string_view target);

#endif
