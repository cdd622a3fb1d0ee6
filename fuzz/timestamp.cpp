// utc_timestamp (types/timestamp.hpp) over any text: the text-value law, the fields in range,
// from_unix_time giving back the same instant, and the form without a zone being the same text
// less its 'Z'.
#include "check.hpp"
#include "text_value_laws.hpp"

#include <apidecl/types/timestamp.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  std::optional<apidecl::utc_timestamp> const t = fuzz::parsed_lawfully<apidecl::utc_timestamp>(text);
  if (!t) return 0;
  APIDECL_FUZZ_CHECK(t->nanoseconds() < 1000000000u);
  APIDECL_FUZZ_CHECK(t->fraction_digits() >= 0 && t->fraction_digits() <= 9);
  // Years 0000 to 9999.
  APIDECL_FUZZ_CHECK(t->seconds_since_epoch() >= -62167219200 && t->seconds_since_epoch() < 253402300800);
  std::optional<apidecl::utc_timestamp> const same =
      apidecl::utc_timestamp::from_unix_time(t->seconds_since_epoch(), t->nanoseconds(), t->fraction_digits());
  APIDECL_FUZZ_CHECK(same && *same == *t && fuzz::formatted(*same) == fuzz::formatted(*t));

  std::string const with_zone = fuzz::formatted(*t);
  std::string without_zone(64, '\0');
  apidecl::writer w(without_zone.data(), without_zone.size());
  t->format_without_zone(w);
  without_zone.resize(w.size());
  APIDECL_FUZZ_CHECK(with_zone == without_zone + "Z");
  return 0;
}
