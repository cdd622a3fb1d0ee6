// A LineSink takes each line as text: a sink of something else does not compile, and the one
// error says what a sink must take.
// expect: not_a_line_sink<status_counter>
// expect: apidecl: a LineSink must be callable with one line of text, as 'sink(std::string_view)'
#include <apidecl/client/client.hpp>
#include <apidecl/observers/logging.hpp>
#include <apidecl/transport/mock.hpp>

#include <string_view>

struct status_counter {
  int* lines;
#ifdef APIDECL_TWIN
  void operator()(std::string_view) { ++*lines; }
#else
  void operator()(int status) { *lines += status; }
#endif
};

int main() {
  int lines = 0;
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, apidecl::logging_observer(status_counter{&lines}));
  (void)api;
}
