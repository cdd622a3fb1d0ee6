// decimal (types/decimal.hpp) over any text: the text-value law, the scale within max_scale and
// kept through formatting, and comparisons that agree with each other and with the value's sign.
// The second decimal is the text after the first ' '.
#include "check.hpp"
#include "text_value_laws.hpp"

#include <apidecl/types/decimal.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  std::size_t const space = text.find(' ');
  std::optional<apidecl::decimal> const a = fuzz::parsed_lawfully<apidecl::decimal>(text.substr(0, space));
  std::optional<apidecl::decimal> const b =
      space == std::string_view::npos ? std::nullopt : fuzz::parsed_lawfully<apidecl::decimal>(text.substr(space + 1));
  if (a) {
    APIDECL_FUZZ_CHECK(a->scale() >= 0 && a->scale() <= apidecl::decimal::max_scale);
    APIDECL_FUZZ_CHECK((*a < apidecl::decimal()) == (a->coefficient() < 0));
    APIDECL_FUZZ_CHECK((*a == apidecl::decimal()) == (a->coefficient() == 0));
  }
  if (a && b) {
    int const ordered = (*a < *b) + (*a == *b) + (*a > *b);
    APIDECL_FUZZ_CHECK(ordered == 1);
    APIDECL_FUZZ_CHECK((*a < *b) == (*b > *a) && (*a <= *b) == !(*a > *b) && (*a >= *b) == !(*a < *b));
    APIDECL_FUZZ_CHECK((*a != *b) == !(*a == *b));
    if (a->scale() == b->scale()) APIDECL_FUZZ_CHECK((*a < *b) == (a->coefficient() < b->coefficient()));
  }
  return 0;
}
