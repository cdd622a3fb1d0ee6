// XML bodies (serializer/pugixml.hpp) over any text: the first byte picks onDemand's
// QuoteAuthorization, Quote or Error.
#include "body_round_trip.hpp"

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/quote.hpp>
#include <apidecl/apis/ondemand/quote_authorization.hpp>
#include <apidecl/serializer/pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size < 1) return 0;
  std::string_view const text(reinterpret_cast<char const*>(data + 1), size - 1);
  apidecl::pugixml_serializer const xml;
  switch (data[0] % 3) {
    case 0: fuzz::check_round_trip<apidecl::ondemand::quote_authorization>(xml, text); break;
    case 1: fuzz::check_round_trip<apidecl::ondemand::quote>(xml, text); break;
    default: fuzz::check_round_trip<apidecl::ondemand::error>(xml, text); break;
  }
  return 0;
}
