#include "faults.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>
#include <utility>

namespace emulator {

namespace {

/// A kind's name in the control API and the parameters it takes besides path, kind, count and skip.
struct kind_spec {
  std::string_view name;
  fault_kind kind;
  std::string_view required_parameter;
  std::string_view optional_parameter;
};

constexpr std::array kind_specs{
    kind_spec{"delay", fault_kind::delay, "ms", ""},
    kind_spec{"status", fault_kind::status, "status", "retry_after"},
    kind_spec{"close_before", fault_kind::close_before, "", ""},
    kind_spec{"close_during", fault_kind::close_during, "", ""},
    kind_spec{"truncate", fault_kind::truncate, "", ""},
    kind_spec{"malformed", fault_kind::malformed, "", ""},
    kind_spec{"huge", fault_kind::huge, "bytes", ""},
};

const std::string& required(const parameters& query, std::string_view name) {
  if (auto value = find_parameter(query, name)) return *value;
  throw std::invalid_argument("missing parameter " + std::string{name});
}

std::uint64_t number(const parameters& query, std::string_view name, std::optional<std::uint64_t> fallback) {
  auto text = find_parameter(query, name);
  if (!text) {
    if (fallback) return *fallback;
    throw std::invalid_argument("missing parameter " + std::string{name});
  }
  std::uint64_t value = 0;
  auto [end, failure] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || failure != std::errc{} || end != text->data() + text->size()) {
    throw std::invalid_argument(std::string{name} + " must be a non-negative integer, not '" + *text + "'");
  }
  return value;
}

const kind_spec& kind_named(std::string_view name) {
  auto spec = std::find_if(kind_specs.begin(), kind_specs.end(), [&](const kind_spec& s) { return s.name == name; });
  if (spec == kind_specs.end()) throw std::invalid_argument("unknown fault kind '" + std::string{name} + "'");
  return *spec;
}

// Parameters a kind does not take are refused, so that a misspelt one is not silently ignored.
void check_parameter_names(const parameters& query, const kind_spec& spec) {
  for (const auto& [name, value] : query) {
    bool known = name == "path" || name == "kind" || name == "count" || name == "skip" ||
                 (!spec.required_parameter.empty() && name == spec.required_parameter) ||
                 (!spec.optional_parameter.empty() && name == spec.optional_parameter);
    if (!known) throw std::invalid_argument("fault kind " + std::string{spec.name} + " takes no parameter " + name);
  }
}

response injected_status(const fault& taken) {
  auto message = make_response(taken.status);
  if (!taken.retry_after.empty()) message.set(http::field::retry_after, taken.retry_after);
  return message;
}

response truncated(response real) {
  real.body().resize(real.body().size() / 2);
  return real;
}

// A 204 cannot carry a body, so a malformed authorize answer becomes a 200 with one.
response malformed(response real, std::string_view media_type) {
  if (real.result() == http::status::no_content) real.result(http::status::ok);
  real.set(http::field::content_type, media_type);
  real.body() = media_type == xml_media_type ? "<QuoteAuthorization><Status>" : "{\"TaskId\": ";
  return real;
}

// One JSON string or XML element, so that only the size is wrong.
response huge(std::size_t size, std::string_view media_type) {
  auto [open, close] = media_type == xml_media_type ? std::pair{"<Padding>", "</Padding>"} : std::pair{"\"", "\""};
  auto markup_size = std::char_traits<char>::length(open) + std::char_traits<char>::length(close);
  auto body = size < markup_size ? std::string(size, ' ') : open + std::string(size - markup_size, 'x') + close;
  return make_response(http::status::ok, media_type, std::move(body));
}

}  // namespace

fault parse_fault(const parameters& query) {
  fault parsed;
  parsed.path = required(query, "path");
  if (parsed.path != "*" && parsed.path.front() != '/') {
    throw std::invalid_argument("path must be a request path (starting with /) or *");
  }
  const auto& spec = kind_named(required(query, "kind"));
  check_parameter_names(query, spec);
  parsed.kind = spec.kind;
  parsed.count = number(query, "count", 1);
  parsed.skip = number(query, "skip", 0);
  switch (parsed.kind) {
    case fault_kind::delay: parsed.delay = std::chrono::milliseconds{number(query, "ms", std::nullopt)}; break;
    case fault_kind::status: {
      auto status = number(query, "status", std::nullopt);
      // 1xx answers would need a final answer after them; anything outside 200-599 is not a status.
      if (status < 200 || status > 599) throw std::invalid_argument("status must be between 200 and 599");
      parsed.status = static_cast<http::status>(status);
      if (auto retry_after = find_parameter(query, "retry_after")) parsed.retry_after = *retry_after;
      break;
    }
    case fault_kind::huge: parsed.body_size = number(query, "bytes", std::nullopt); break;
    case fault_kind::close_before:
    case fault_kind::close_during:
    case fault_kind::truncate:
    case fault_kind::malformed: break;
  }
  return parsed;
}

void fault_table::install(fault new_fault) { faults_.push_back({std::move(new_fault)}); }

std::optional<fault> fault_table::take(std::string_view path) {
  for (auto entry = faults_.begin(); entry != faults_.end(); ++entry) {
    if (entry->spec.path != "*" && entry->spec.path != path) continue;
    if (entry->skipped < entry->spec.skip) {
      ++entry->skipped;
      continue;
    }
    auto taken = entry->spec;
    if (++entry->taken == entry->spec.count) faults_.erase(entry);
    return taken;
  }
  return std::nullopt;
}

void fault_table::clear() { faults_.clear(); }

reply apply_fault(const fault& taken, const std::function<response()>& serve, std::string_view media_type) {
  switch (taken.kind) {
    case fault_kind::delay: return {serve(), delivery::after_delay, taken.delay};
    case fault_kind::status: return {injected_status(taken)};
    case fault_kind::close_before: return {response{}, delivery::close_before_response};
    case fault_kind::close_during: return {serve(), delivery::close_during_body};
    case fault_kind::truncate: return {truncated(serve())};
    case fault_kind::malformed: return {malformed(serve(), media_type)};
    case fault_kind::huge: break;
  }
  return {huge(taken.body_size, media_type)};
}

}  // namespace emulator
