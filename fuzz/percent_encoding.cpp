// Percent-encoding (core/percent_encoding.hpp) over any bytes. Invariants: encoding leaves only
// unreserved characters and upper-case %XX escapes, decodes back to the input, and writes into a
// buffer too small exactly the prefix that fits while counting the size needed; decoding what
// decodes is stable (decode, encode, decode gives the same bytes) and never lengthens the text.
#include "check.hpp"

#include <apidecl/core/percent_encoding.hpp>
#include <apidecl/core/writer.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

std::string encoded(std::string_view text) {
  std::string out(text.size() * 3, '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::percent_encode(text, w);
  APIDECL_FUZZ_CHECK(!w.overflowed());
  out.resize(w.size());
  return out;
}

bool decoded(std::string_view text, std::string& out, bool plus_is_space) {
  out.assign(text.size(), '\0');
  apidecl::writer w(out.data(), out.size());
  bool const ok = apidecl::percent_decode(text, w, plus_is_space);
  APIDECL_FUZZ_CHECK(!w.overflowed());
  out.resize(w.size());
  return ok;
}

bool is_upper_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);

  std::string const e = encoded(text);
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (apidecl::is_unreserved(e[i])) continue;
    APIDECL_FUZZ_CHECK(e[i] == '%' && i + 2 < e.size() && is_upper_hex(e[i + 1]) && is_upper_hex(e[i + 2]));
    i += 2;
  }
  std::string back;
  APIDECL_FUZZ_CHECK(decoded(e, back, false) && back == text);
  APIDECL_FUZZ_CHECK(decoded(e, back, true) && back == text);  // '+' never survives encoding

  // Into a buffer half as large: the prefix that fits, and the full size counted.
  std::string small(e.size() / 2, '\0');
  apidecl::writer w(small.data(), small.size());
  apidecl::percent_encode(text, w);
  APIDECL_FUZZ_CHECK(w.size() == e.size());
  APIDECL_FUZZ_CHECK(small == e.substr(0, small.size()));

  for (bool const plus_is_space : {false, true}) {
    std::string once;
    if (!decoded(text, once, plus_is_space)) continue;
    APIDECL_FUZZ_CHECK(once.size() <= text.size());
    std::string twice;
    APIDECL_FUZZ_CHECK(decoded(encoded(once), twice, plus_is_space) && twice == once);
  }
  return 0;
}
