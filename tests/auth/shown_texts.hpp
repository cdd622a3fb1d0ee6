// For the tests of the shipped Auth policies: every text the library makes of a request for
// observers (the request as an observer is told of it, and the debug log of it), so that a test
// can check that a credential never appears in any.
#ifndef APIDECL_TESTS_AUTH_SHOWN_TEXTS_HPP
#define APIDECL_TESTS_AUTH_SHOWN_TEXTS_HPP

#include "../observers/collect_lines.hpp"

#include <apidecl/client/observer.hpp>
#include <apidecl/observers/logging.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace test_support {

struct keep_requests_sent {
  std::vector<std::string>* texts;
  void on(apidecl::attempt_sending const& e) { texts->push_back(e.request.head() + e.request.body()); }
};

/// The observers that put into `texts` what they are shown of each request.
inline auto shown_texts(std::vector<std::string>& texts) {
  return apidecl::observe(keep_requests_sent{&texts}) |
         apidecl::logging_observer(collect_lines{&texts}, {apidecl::log_level::debug, 4096});
}

inline bool shown_anywhere(std::vector<std::string> const& texts, std::string_view secret) {
  return std::any_of(texts.begin(), texts.end(),
                     [&](std::string const& t) { return t.find(secret) != std::string::npos; });
}

}  // namespace test_support

#endif
