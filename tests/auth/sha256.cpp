// The OpenSSL Sha256 provider against published vectors, and Base64 against RFC 4648's.
#include <apidecl/auth/base64.hpp>
#include <apidecl/auth/openssl_sha256.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string base64(std::string_view bytes) {
  std::string text(apidecl::base64_size(bytes.size()), '\0');
  apidecl::writer out(text.data(), text.size());
  apidecl::base64_encode(reinterpret_cast<unsigned char const*>(bytes.data()), bytes.size(), out);
  CHECK(out.size() == text.size());
  return text;
}

std::string hex(apidecl::sha256_digest const& digest) {
  std::string text;
  for (unsigned char byte : digest) {
    text += "0123456789abcdef"[byte >> 4];
    text += "0123456789abcdef"[byte & 15];
  }
  return text;
}

std::string sha256_hex(std::vector<std::string_view> const& pieces) {
  apidecl::sha256_digest digest{};
  REQUIRE(apidecl::openssl_sha256{}.sha256(pieces.data(), pieces.size(), digest));
  return hex(digest);
}

}  // namespace

static_assert(apidecl::is_sha256_v<apidecl::openssl_sha256>);

TEST_CASE("Base64 of RFC 4648's test vectors", "[auth][base64]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64(std::string_view("\xff\xfe\x00\x3e\x3f", 5)) == "//4APj8=");
}

TEST_CASE("Base64 into a buffer too small counts what it needs", "[auth][base64]") {
  char text[4];
  apidecl::writer out(text, sizeof text);
  unsigned char const bytes[] = {1, 2, 3, 4};
  apidecl::base64_encode(bytes, sizeof bytes, out);
  CHECK(out.overflowed());
  CHECK(out.size() == apidecl::base64_size(sizeof bytes));
}

// FIPS 180-2 appendix B and the NIST CAVP examples.
TEST_CASE("SHA-256 of the published vectors", "[auth][sha256]") {
  CHECK(sha256_hex({}) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex({"abc"}) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex({"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"}) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string const million(1000000, 'a');
  CHECK(sha256_hex({million}) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 of pieces is the SHA-256 of their concatenation", "[auth][sha256]") {
  CHECK(sha256_hex({"a", "", "bc"}) == sha256_hex({"abc"}));
  CHECK(sha256_hex({"abcdbcdecdefdefg", "efghfghighijhijk", "ijkljklmklmnlmnomnopnopq"}) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("a user's Sha256 provider is recognized", "[auth][sha256]") {
  struct platform_hash {
    bool sha256(std::string_view const*, std::size_t, apidecl::sha256_digest&) { return false; }
  };
  struct not_a_hash {
    void sha256(std::string_view) {}
  };
  STATIC_REQUIRE(apidecl::is_sha256_v<platform_hash>);
  STATIC_REQUIRE_FALSE(apidecl::is_sha256_v<not_a_hash>);
  STATIC_REQUIRE_FALSE(apidecl::is_sha256_v<int>);
}
