// The embedded proof: a Cortex-M program that builds requests into static buffers with
// apidecl::build and hands them to a transport written here, which writes them to a UART's data
// register. One is the cielo24 seed, Authorize Job; the other, declared here, reports a sensor
// reading as an HTML-form body, so the query-string serializer is in the build too. Built with
// -fno-exceptions -fno-rtti -Os against newlib (benchmarks/embedded/build); nothing in the
// request path needs the heap, exceptions, RTTI, iostreams, locales or {fmt}.
#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/transport/transport.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace {

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

/// Writes each request to the UART as HTTP/1.1; a modem on the other side does the rest. This
/// proof reads no reply and reports every request as accepted.
class uart_transport {
 public:
  apidecl::transport_result send(apidecl::request const& r) noexcept {
    write(r.method_name());
    write(" ");
    write(r.target());
    write(" HTTP/1.1\r\n");
    write(r.headers().text());
    write("\r\n");
    write(r.body());
    return apidecl::response{204, {}, {}};
  }

 private:
  static void write(std::string_view bytes) noexcept {
    for (char c : bytes) *uart_data = c;
  }
  // The data register of the first UART on TI's Cortex-M4 parts.
  static inline char volatile* const uart_data = reinterpret_cast<char volatile*>(0x4000C000);
};
static_assert(apidecl::is_transport_v<uart_transport>);

std::array<char, 256> request_buffer;

}  // namespace

int main() {
  namespace c24 = apidecl::cielo24;
  uart_transport uart;
  int failures = 0;
  auto const built =
      apidecl::build(c24::authorize_job, request_buffer, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                     c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  if (!built || !uart.send(*built)) ++failures;
  auto const report =
      apidecl::build(report_reading{}, request_buffer, apidecl::serializer_set{apidecl::query_string_serializer{}},
                     apidecl::body = reading{3, 3300});
  if (!report || !uart.send(*report)) ++failures;
  return failures;
}
