// onDemand's request authentication: the LOD1-BASE64-SHA256 signature, checked as the
// documentation writes it.
#ifndef APIDECL_EMULATOR_LOD1_AUTH_HPP
#define APIDECL_EMULATOR_LOD1_AUTH_HPP

#include "messages.hpp"

#include <optional>
#include <string_view>

namespace emulator::lod1 {

/// The merchant's key, the only one the emulator knows.
inline constexpr std::string_view key_id = "demo-key-id";

/// Whether the request carries an Authorization of the LOD1-BASE64-SHA256 scheme, right or wrong.
bool carries_signature(const request& message);

/// The answer refusing a request whose Accept, x-lod-* headers or signature are wrong (400 for the
/// Accept, 401 for the rest), or nothing when it is signed right.
std::optional<response> authentication_failure(const request& message);

}  // namespace emulator::lod1

#endif
