#include "query.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace emulator {

namespace {

std::optional<int> hex_digit_value(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return std::nullopt;
}

std::string percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      decoded += ' ';
    } else if (text[i] != '%') {
      decoded += text[i];
    } else {
      auto high = i + 2 < text.size() ? hex_digit_value(text[i + 1]) : std::nullopt;
      auto low = i + 2 < text.size() ? hex_digit_value(text[i + 2]) : std::nullopt;
      if (!high || !low) {
        throw std::invalid_argument("malformed percent-encoding in '" + std::string{text} + "'");
      }
      decoded += static_cast<char>(*high * 16 + *low);
      i += 2;
    }
  }
  return decoded;
}

}  // namespace

std::string_view target_path(std::string_view target) { return target.substr(0, target.find('?')); }

parameters parse_query(std::string_view target) {
  parameters query;
  auto question_mark = target.find('?');
  if (question_mark == std::string_view::npos) return query;
  auto rest = target.substr(question_mark + 1);
  while (!rest.empty()) {
    auto pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    if (pair.empty()) continue;
    auto equals = pair.find('=');
    auto name = percent_decode(pair.substr(0, equals));
    auto value = equals == std::string_view::npos ? std::string{} : percent_decode(pair.substr(equals + 1));
    if (!query.emplace(name, std::move(value)).second) {
      throw std::invalid_argument("parameter '" + name + "' given more than once");
    }
  }
  return query;
}

const std::string* find_parameter(const parameters& query, std::string_view name) {
  auto found = query.find(name);
  return found == query.end() ? nullptr : &found->second;
}

}  // namespace emulator
