#ifndef APIDECL_AUTH_SHA256_HPP
#define APIDECL_AUTH_SHA256_HPP

#include <apidecl/detail/type_list.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

/// **Sha256 requirement.** The SHA-256 a signing Auth policy uses, so that each platform plugs in
/// the one it has (OpenSSL's libcrypto: openssl_sha256.hpp; a microcontroller's hash engine; a
/// vendor SDK). A type `H` is a Sha256 provider if, for an `H& h`, a `std::string_view const*
/// pieces` pointing at `count` pieces and an `apidecl::sha256_digest& out`,
///
///     bool ok = h.sha256(pieces, count, out);
///
/// is valid. It hashes the pieces as if concatenated (so signers need no buffer for the string
/// they sign), writes the 32-byte digest to `out` and returns true, or returns false if the
/// provider failed. It throws nothing.
///
/// Exemplar:
///
///     struct my_sha256 {
///       bool sha256(std::string_view const* pieces, std::size_t count, apidecl::sha256_digest& out);
///     };
///     static_assert(apidecl::is_sha256_v<my_sha256>);
namespace apidecl {

/// A SHA-256 digest.
using sha256_digest = std::array<unsigned char, 32>;

namespace detail {
template <class H, class = void>
struct is_sha256 : std::false_type {};
template <class H>
struct is_sha256<H, std::enable_if_t<std::is_convertible_v<
                        decltype(std::declval<H&>().sha256(std::declval<std::string_view const*>(),
                                                           std::declval<std::size_t>(), std::declval<sha256_digest&>())),
                        bool>>> : std::true_type {};
}  // namespace detail

/// Whether `H` models Sha256.
template <class H>
inline constexpr bool is_sha256_v = detail::is_sha256<std::remove_reference_t<H>>::value;

namespace diagnostic {
template <class H> inline constexpr bool sha256_provider_lacks_sha256 = false;
}  // namespace diagnostic

namespace detail {
/// Makes the one compiler error that says what `H` lacks to be a Sha256 provider, if anything.
template <class H>
void diagnose_sha256() noexcept {
  if constexpr (!is_sha256_v<H>)
    static_assert(diagnostic::sha256_provider_lacks_sha256<std::remove_reference_t<H>>,
                  "apidecl: a Sha256 provider must provide 'bool sha256(std::string_view const* pieces, std::size_t "
                  "count, apidecl::sha256_digest& out)'");
}
}  // namespace detail

}  // namespace apidecl

#endif
