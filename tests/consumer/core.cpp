// Built by each consumer project here configured with -DCORE_ONLY=ON (and by the Meson one), which
// hide the adapters' libraries from the whole build: what a project with Boost's headers alone can
// use. A cielo24 request built into a buffer, and a canned response of an endpoint declared here
// decoded with the query-string serializer.
#include <apidecl/apidecl.hpp>
#include <apidecl/apis/cielo24/cielo24.hpp>

#include <boost/hana/define_struct.hpp>

#include <array>
#include <string_view>

namespace c24 = apidecl::cielo24;

/// A sensor reading, as a form body: `sensor=3&millivolts=3300`.
struct reading {
  BOOST_HANA_DEFINE_STRUCT(reading, (int, sensor), (int, millivolts));
};

/// GET /api/readings/latest, answered with the reading.
struct latest_reading {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/readings/latest";
  using params = apidecl::params<>;
  using responses = apidecl::responses<apidecl::on<200, reading, apidecl::form>>;
};

int main() {
  std::array<char, 256> buffer;
  auto const built = apidecl::build(c24::authorize_job, buffer, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                                    c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  bool const built_ok = built && built->method_name() == "GET" &&
                        built->target().find("job_id=64bea283eff6475ea6596027a6ba0929") != std::string_view::npos;

  apidecl::response const received{200, apidecl::header_list("Content-Type: application/x-www-form-urlencoded\r\n"),
                                   "sensor=3&millivolts=3300"};
  auto const r =
      apidecl::decode(latest_reading{}, received, apidecl::serializer_set{apidecl::query_string_serializer{}});
  auto const* got = r.get_if<200>();
  bool const decoded_ok = got != nullptr && got->sensor == 3 && got->millivolts == 3300;

  return built_ok && decoded_ok ? 0 : 1;
}
