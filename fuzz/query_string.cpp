// Form bodies (serializer/query_string.hpp) over any text, decoded into a flat struct of every
// scalar kind the serializer takes, plus the round trip of body_round_trip.hpp.
#include "body_round_trip.hpp"

#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/serializer/query_string.hpp>
#include <apidecl/types/decimal.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/open_enum.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/hana/define_struct.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct form {
  BOOST_HANA_DEFINE_STRUCT(form,
    (std::string, name),
    (std::int32_t, count),
    (bool, on),
    (std::optional<apidecl::decimal>, amount),
    (std::vector<apidecl::language_code>, languages),
    (std::optional<apidecl::utc_timestamp>, at),
    (apidecl::open_enum<apidecl::cielo24::error_type>, type)
  );
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  fuzz::check_round_trip<form>(apidecl::query_string_serializer{}, text);
  return 0;
}
