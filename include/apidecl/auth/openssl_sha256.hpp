#ifndef APIDECL_AUTH_OPENSSL_SHA256_HPP
#define APIDECL_AUTH_OPENSSL_SHA256_HPP

#include <apidecl/auth/sha256.hpp>

#include <openssl/evp.h>

#include <cstddef>
#include <string_view>

/// A Sha256 provider (sha256.hpp) on OpenSSL's libcrypto, 1.1 or later. Link `apidecl::openssl`
/// (CMake) or `apidecl-openssl` (Meson).
namespace apidecl {

struct openssl_sha256 {
  bool sha256(std::string_view const* pieces, std::size_t count, sha256_digest& out) const noexcept {
    EVP_MD_CTX* const context = EVP_MD_CTX_new();
    if (context == nullptr) return false;
    bool ok = EVP_DigestInit_ex(context, EVP_sha256(), nullptr) == 1;
    for (std::size_t i = 0; ok && i < count; ++i)
      ok = EVP_DigestUpdate(context, pieces[i].data(), pieces[i].size()) == 1;
    unsigned int size = 0;
    ok = ok && EVP_DigestFinal_ex(context, out.data(), &size) == 1 && size == out.size();
    EVP_MD_CTX_free(context);
    return ok;
  }
};

}  // namespace apidecl

#endif
