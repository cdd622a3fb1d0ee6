// The embedded proof: a Cortex-M program that builds requests into static buffers with
// apidecl::build, writes them out through a transport written here, reads canned replies back a
// few bytes at a time through apidecl::response_reader, decodes them with apidecl::decode and
// prints what came of each. One request is the cielo24 seed, Authorize Job, answered once with
// 204 and once with a 400 error body; the other, declared here, reports a sensor reading as an
// HTML-form body, so the query-string serializer is in the build too. Built with -fno-exceptions
// -fno-rtti -Os against newlib and run on an emulated board (`build` and `run` beside it): building
// and reading make no heap allocation, which the program checks; decoding does (the result keeps
// the headers, and cielo24's error its comment, as std::string), from a static arena (board.cpp).
#include "board.hpp"
#include "flat_json.hpp"

#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/response_reader.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/transport/transport.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

namespace c24 = apidecl::cielo24;

/// A reading, sent as `sensor=3&millivolts=3300`.
struct reading {
  BOOST_HANA_DEFINE_STRUCT(reading, (std::int32_t, sensor), (std::int32_t, millivolts));
};

/// POST /api/readings with the reading as a form body.
struct report_reading {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/readings";
  using params = apidecl::params<>;
  using body = apidecl::request_body<reading, apidecl::form>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

// What the server answers, in order: Authorize Job twice, then the reading.
constexpr std::string_view replies[] = {
    "HTTP/1.1 204 No Content\r\n"
    "Date: Tue, 02 Jan 2024 10:00:00 GMT\r\n"
    "\r\n",
    "HTTP/1.1 400 Bad Request\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 87\r\n"
    "\r\n"
    R"({"ErrorType":"BAD_API_TOKEN","ErrorComment":"The API token is invalid or has expired."})",
    "HTTP/1.1 100 Continue\r\n"
    "\r\n"
    "HTTP/1.1 204 No Content\r\n"
    "\r\n",
};

/// Prints each line of `bytes` after `prefix`, a CR as the two characters `\r`.
void print_lines(std::string_view prefix, std::string_view bytes) {
  while (!bytes.empty()) {
    std::size_t const end = bytes.find('\n');
    std::string_view line = bytes.substr(0, end);
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    bool const cr = !line.empty() && line.back() == '\r';
    if (cr) line.remove_suffix(1);
    board::write(prefix);
    board::write(line);
    board::write(cr ? "\\r\n" : "\n");
  }
}

void print_number(std::size_t n) {
  char digits[12];
  board::write({digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, n).ptr - digits)});
}

/// Writes each request out as HTTP/1.1, then reads the next canned reply back five bytes at a
/// time, as a small receive FIFO would deliver it, into a static buffer.
class link_transport {
 public:
  apidecl::transport_result send(apidecl::request const& r) noexcept {
    board::write("> ");
    board::write(r.method_name());
    board::write(" ");
    board::write(r.target());
    board::write(" HTTP/1.1\\r\n");
    print_lines("> ", "Host: api.cielo24.com\r\n");  // Host and the body's length are the transport's to add
    print_lines("> ", r.headers().text());
    if (!r.body().empty()) {
      board::write("> Content-Length: ");
      print_number(r.body().size());
      board::write("\\r\n");
    }
    board::write("> \\r\n");
    print_lines("> ", r.body());

    reader_.reset();
    std::string_view reply = replies[next_++ % std::size(replies)];
    while (!reply.empty() && reader_.state() == apidecl::read_state::need_more) {
      std::size_t const used = reader_.feed(reply.substr(0, 5)).consumed;
      reply.remove_prefix(used);
    }
    reader_.finish();
    board::write("< ");
    print_number(static_cast<std::size_t>(reader_.response().status));
    board::write(" ");
    board::write(reader_.reason());
    board::write("\n");
    return reader_.result();
  }

 private:
  std::array<char, 512> buffer_{};
  apidecl::response_reader reader_{buffer_};
  std::size_t next_ = 0;
};
static_assert(apidecl::is_transport_v<link_transport>);

std::array<char, 256> request_buffer;
link_transport link;
std::size_t exchange_allocations = 0;  // heap allocations while building and reading: must stay 0

/// Builds the request of `endpoint` for `args` and exchanges it, counting the heap allocations
/// the two steps make.
template <class Endpoint, class... Args>
apidecl::transport_result exchange(Endpoint const& endpoint, Args const&... args) {
  std::size_t const before = board::heap().allocations;
  apidecl::build_result const built = apidecl::build(endpoint, request_buffer, args...);
  if (!built) {
    board::write("the request could not be built\n");
    board::stop(false);
  }
  apidecl::transport_result answer = link.send(*built);
  exchange_allocations += board::heap().allocations - before;
  return answer;
}

bool authorize() {
  apidecl::transport_result const answer =
      exchange(c24::authorize_job, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
               c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  if (!answer) return false;
  auto const decoded =
      apidecl::decode(c24::authorize_job, *answer, apidecl::serializer_set{firmware::flat_json_serializer{}});
  return decoded.visit(apidecl::overload{
      [](apidecl::no_content) {
        board::write("authorize_job: authorized\n");
        return true;
      },
      [](c24::error const& e) {
        board::write("authorize_job: refused: ");
        board::write(e.type.text());
        board::write(" (");
        board::write(e.comment);
        board::write(")\n");
        return true;
      },
      [](apidecl::unexpected_status const&) { return false; },
      [](apidecl::failure const&) { return false; },
  });
}

bool report() {
  apidecl::transport_result const answer = exchange(
      report_reading{}, apidecl::serializer_set{apidecl::query_string_serializer{}}, apidecl::body = reading{3, 3300});
  if (!answer || !apidecl::decode(report_reading{}, *answer, apidecl::serializer_set<>{}).get_if<204>()) return false;
  board::write("report_reading: accepted\n");
  return true;
}

}  // namespace

int main() {
  bool const ok = authorize() && authorize() && report();
  board::heap_use const heap = board::heap();
  board::write("heap: ");
  print_number(exchange_allocations);
  board::write(" allocations building and reading, ");
  print_number(heap.allocations - exchange_allocations);
  board::write(" decoding (");
  print_number(heap.bytes);
  board::write(" bytes)\n");
  bool const done = ok && exchange_allocations == 0;
  board::write(done ? "done\n" : "FAILED\n");
  return done ? 0 : 1;
}
