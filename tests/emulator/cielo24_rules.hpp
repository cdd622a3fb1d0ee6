// What each cielo24 v1 endpoint takes: its parameters, which are required and what their values
// must look like. The service checks every request against its endpoint's rule before it touches
// any state, so a client sending a wrong name or a wrong type hears about it as the real service
// would say it.
#ifndef APIDECL_EMULATOR_CIELO24_RULES_HPP
#define APIDECL_EMULATOR_CIELO24_RULES_HPP

#include "query.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace emulator::cielo24 {

enum class value_kind {
  text,         ///< anything, empty included
  hex,          ///< hex digits, at least one (tokens, keys, job ids)
  boolean,      ///< true or false
  integer,      ///< an optional minus and digits
  url,          ///< http:// or https:// and a host
  one_of,       ///< one of `parameter_rule::allowed`
  json_object,  ///< a JSON object (perform_transcription's options)
};

struct parameter_rule {
  std::string_view name;
  value_kind kind = value_kind::text;
  bool required = false;
  std::vector<std::string_view> allowed = {};
};

/// An endpoint: its path, whether it takes `v=1` (a few pages document none), and its parameters.
/// `api_token` is listed like any other; unknown parameters are ignored, as the real service does.
struct route_rule {
  std::string_view path;
  bool versioned = true;
  std::vector<parameter_rule> parameters;
};

/// Why a request is refused: the ErrorType and the comment of the 400.
struct refusal {
  std::string_view error_type;
  std::string comment;
};

/// The rule for a path, or nullptr when cielo24 has no such endpoint.
const route_rule* rule_for(std::string_view path);

/// `v` (when versioned) and the required parameters, in the rule's order: INVALID_QUERY for a
/// wrong version, MISSING_PARAMETER naming the first one absent.
std::optional<refusal> check_presence(const route_rule& rule, const parameters& query);

/// The values given: INVALID_OPTION for a value outside its enumeration, INVALID_URL for a URL
/// that is not one, INVALID_QUERY for a malformed number, boolean, hex string or JSON object.
std::optional<refusal> check_values(const route_rule& rule, const parameters& query);

/// Every endpoint's rule, for the README's table and the tests.
const std::vector<route_rule>& all_rules();

}  // namespace emulator::cielo24

#endif
