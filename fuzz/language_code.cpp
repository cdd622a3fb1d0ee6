// language_code (types/language_code.hpp) over any text: the text-value law, and what reads is
// two lower-case letters, optionally '-' and two more, the same letters as given in any case.
#include "check.hpp"
#include "text_value_laws.hpp"

#include <apidecl/types/language_code.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  std::optional<apidecl::language_code> const code = fuzz::parsed_lawfully<apidecl::language_code>(text);
  if (!code) return 0;
  std::string_view const letters = code->text();
  APIDECL_FUZZ_CHECK(letters.size() == text.size() && (letters.size() == 2 || letters.size() == 5));
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (i == 2) {
      APIDECL_FUZZ_CHECK(letters[i] == '-');
      continue;
    }
    APIDECL_FUZZ_CHECK(letters[i] >= 'a' && letters[i] <= 'z');
    APIDECL_FUZZ_CHECK(letters[i] == text[i] || letters[i] == text[i] - 'A' + 'a');
  }
  APIDECL_FUZZ_CHECK(code->language() == letters.substr(0, 2));
  APIDECL_FUZZ_CHECK(code->country() == (letters.size() == 5 ? letters.substr(3) : std::string_view()));
  APIDECL_FUZZ_CHECK(!code->empty());
  return 0;
}
