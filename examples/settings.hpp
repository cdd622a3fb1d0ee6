// Where the examples find a service, and the credentials they use. `bash scripts/demo` runs each
// example against the local emulator, which passes its address in APIDECL_BASE_URL; the defaults
// are the emulator's demo credentials. To run against the real sandboxes:
//
//   example_01_delete_job --base-url https://sandbox.cielo24.com --api-token <token> --job-id <job>
//   example_06_authorize_quote --base-url https://developer-sandbox.liondemand.com
//       --key-id <access key id> --secret-key <secret access key> --quote-id <quote>
#ifndef APIDECL_EXAMPLES_SETTINGS_HPP
#define APIDECL_EXAMPLES_SETTINGS_HPP

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace examples {

struct settings {
  std::string base_url;
  std::string api_token = "7ca5dc5c7cce449fb0fff719307e8f5f";  // cielo24
  std::string job_id = "64bea283eff6475ea6596027a6ba0929";
  std::string key_id = "demo-key-id";  // onDemand
  std::string secret_key = "demo-secret-key";
  std::string quote_id = "798";
};

/// The settings from `--name value` arguments, APIDECL_BASE_URL and the defaults; exits with a
/// usage message when an argument is unknown or no service is named.
inline settings read_settings(int argc, char** argv) {
  settings s;
  if (char const* url = std::getenv("APIDECL_BASE_URL")) s.base_url = url;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view const name = argv[i];
    std::string* const field = name == "--base-url"     ? &s.base_url
                               : name == "--api-token"  ? &s.api_token
                               : name == "--job-id"     ? &s.job_id
                               : name == "--key-id"     ? &s.key_id
                               : name == "--secret-key" ? &s.secret_key
                               : name == "--quote-id"   ? &s.quote_id
                                                        : nullptr;
    if (field == nullptr) break;
    *field = argv[i + 1];
  }
  if (s.base_url.empty() || argc % 2 == 0) {
    std::fprintf(stderr,
                 "usage: %s [--base-url URL] [--api-token T] [--job-id J] [--key-id K] [--secret-key S] "
                 "[--quote-id Q]\n(or run it through the emulator: bash scripts/demo)\n",
                 argv[0]);
    std::exit(2);
  }
  return s;
}

}  // namespace examples

#endif
