// Reading request targets: the path as received and the percent-decoded query parameters.
#ifndef APIDECL_EMULATOR_QUERY_HPP
#define APIDECL_EMULATOR_QUERY_HPP

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace emulator {

using parameters = std::map<std::string, std::string, std::less<>>;

/// The path of a request target: everything before '?', still percent-encoded.
std::string_view target_path(std::string_view target);

/// The query parameters of a request target, names and values percent-decoded ('+' is a space, as in
/// HTML forms). Throws std::invalid_argument, saying what is wrong, on a malformed escape or a
/// parameter given twice: either is a client bug the tests should hear about.
parameters parse_query(std::string_view target);

/// The value of a parameter, or nullptr when it is absent.
const std::string* find_parameter(const parameters& query, std::string_view name);

}  // namespace emulator

#endif
