// JSON bodies (serializer/boost_json.hpp) over any text: the first byte picks the body type, among
// the catalogs' (cielo24's task and error, onDemand's quote, authorization and error, decoded as
// JSON here to reach every field kind: ids, decimals, timestamps, language codes, open enums,
// optionals, vectors, nested structs) and one of plain numbers, which the catalogs lack.
#include "body_round_trip.hpp"

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/task.hpp>
#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/quote.hpp>
#include <apidecl/apis/ondemand/quote_authorization.hpp>
#include <apidecl/serializer/boost_json.hpp>

#include <boost/hana/define_struct.hpp>
#include <boost/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace {

// Boost.JSON reads a double exactly from 1.83 on (boost_json.hpp asks it to); before, only to
// within a unit in the last place, so that a double's text does not survive a round trip there.
#if BOOST_VERSION >= 108300
using real = double;
#else
using real = std::int64_t;
#endif

struct numbers {
  BOOST_HANA_DEFINE_STRUCT(numbers,
    (std::int64_t, count),
    (std::uint16_t, port),
    (real, ratio),
    (bool, on),
    (std::optional<std::vector<std::int32_t>>, values)
  );
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 1) return 0;
  std::string_view const text(reinterpret_cast<char const*>(data + 1), size - 1);
  apidecl::boost_json_serializer const json;
  switch (data[0] % 6) {
    case 0: fuzz::check_round_trip<apidecl::cielo24::task>(json, text); break;
    case 1: fuzz::check_round_trip<apidecl::cielo24::error>(json, text); break;
    case 2: fuzz::check_round_trip<apidecl::ondemand::quote>(json, text); break;
    case 3: fuzz::check_round_trip<apidecl::ondemand::quote_authorization>(json, text); break;
    case 4: fuzz::check_round_trip<apidecl::ondemand::error>(json, text); break;
    default: fuzz::check_round_trip<numbers>(json, text); break;
  }
  return 0;
}
