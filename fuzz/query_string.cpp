// Form bodies (serializer/query_string.hpp) over any text, decoded into a struct of every scalar
// kind the serializer takes, a deep object, a struct flattened into the form and an unexploded
// list, plus the round trip of body_round_trip.hpp.
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

struct place {
  BOOST_HANA_DEFINE_STRUCT(place, (std::string, city), (std::vector<std::int32_t>, zips));
};

struct contact {
  BOOST_HANA_DEFINE_STRUCT(contact, (std::optional<std::string>, email), (std::optional<place>, home));
};

struct form {
  BOOST_HANA_DEFINE_STRUCT(form,
    (std::string, name),
    (std::int32_t, count),
    (bool, on),
    (std::optional<apidecl::decimal>, amount),
    (std::vector<apidecl::language_code>, languages),
    (std::optional<apidecl::utc_timestamp>, at),
    (apidecl::open_enum<apidecl::cielo24::error_type>, type),
    (std::optional<place>, office),
    (contact, reach),
    (std::optional<std::vector<std::string>>, tags)
  );
  static constexpr apidecl::form_encoding form_encodings[] = {{"office", apidecl::form_style::deep_object},
                                                              {"tags", apidecl::form_style::form, false}};
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  fuzz::check_round_trip<form>(apidecl::query_string_serializer{}, text);
  return 0;
}
