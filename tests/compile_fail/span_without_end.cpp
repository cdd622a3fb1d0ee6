// A Tracer's spans must end: one whose spans lack end() does not compile, and the one error
// names the span type and every operation a span must provide.
// expect: span_lacks_operations<quiet_span>
// expect: apidecl: a Span must provide 'set_attribute(std::string_view, std::string_view)', 'set_attribute(std::string_view, std::int64_t)', 'set_error(std::string_view)' and 'end()'
#include <apidecl/client/client.hpp>
#include <apidecl/observers/tracing.hpp>
#include <apidecl/transport/mock.hpp>

#include <chrono>
#include <cstdint>
#include <string_view>

struct quiet_span {
  void set_attribute(std::string_view, std::string_view) {}
  void set_attribute(std::string_view, std::int64_t) {}
  void set_error(std::string_view) {}
#ifdef APIDECL_TWIN
  void end() {}
#endif
};
struct quiet_tracer {
  quiet_span start_span(std::string_view, std::chrono::milliseconds) { return {}; }
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::tracing_observer(quiet_tracer{}));
  (void)api;
}
