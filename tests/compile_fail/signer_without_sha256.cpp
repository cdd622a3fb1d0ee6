// The onDemand signer needs a Sha256 provider: something else does not compile.
// expect: the signer's first template argument must be a Sha256 provider
#include <apidecl/apis/ondemand/signer.hpp>

#include <string>

struct md5 {
#ifdef APIDECL_TWIN
  bool sha256(std::string_view const*, std::size_t, apidecl::sha256_digest&) { return false; }
#else
  std::string digest(std::string_view text) { return std::string(text); }
#endif
};

int main() {
  apidecl::ondemand::signer<md5> sign({"key", "secret"});
  (void)sign;
}
