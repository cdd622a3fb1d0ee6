// 03 — Declare an endpoint of an API that apidecl does not ship, in a few lines, and call it.
// Path values are percent-encoded, so an ID holding '/', '&' or '#' cannot change the request.
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/mock.hpp>

#include <boost/hana/define_struct.hpp>
#include <fmt/core.h>

#include <optional>
#include <string>

namespace shop {

struct widget {
  BOOST_HANA_DEFINE_STRUCT(widget, (std::string, id), (std::string, name), (std::optional<int>, stock));
};
struct not_found {
  BOOST_HANA_DEFINE_STRUCT(not_found, (std::string, message));
};

struct widget_id : apidecl::path_param<std::string_view> {
  static constexpr std::string_view name = "widget_id";
};
struct expand : apidecl::query<std::string_view, apidecl::optional> {
  static constexpr std::string_view name = "expand";
};

// GET /v2/widgets/{widget_id}?expand=...
struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets/{widget_id}";
  using params = apidecl::params<shop::widget_id, shop::expand>;
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>,
                                       apidecl::on<404, not_found, apidecl::json>>;
};

inline constexpr apidecl::keyword<widget_id> id{};
inline constexpr apidecl::keyword<expand> expanded{};

}  // namespace shop

int main() {
  apidecl::mock_transport http;
  http.respond(200, R"({"id": "w/1", "name": "sprocket", "stock": 12, "colour": "red"})")
      .respond(404, R"({"message": "no such widget"})");
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});

  auto const report = apidecl::overload{
      [](shop::widget const& w) { fmt::print("{} is a {} ({} in stock)\n", w.id, w.name, w.stock.value_or(0)); },
      [](shop::not_found const& e) { fmt::print("not found: {}\n", e.message); },
      [](apidecl::unexpected_status const& s) { fmt::print("{}\n", s); },
      [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }};
  auto const found = api.call(shop::get_widget{}, shop::id = "w/1", shop::expanded = "stock");
  found.visit(report);
  auto const missing = api.call(shop::get_widget{}, shop::id = "w#2", shop::expanded = "stock");
  missing.visit(report);
  for (auto const& sent : http.requests()) fmt::print("  sent: {}\n", sent.request_line());

  // The mock answers as scripted; what the library did is the lesson: each ID went out
  // percent-encoded, and each answer came back as its documented case.
  bool const encoded = http.requests().size() == 2 && http.requests()[0].path() == "/v2/widgets/w%2F1" &&
                       http.requests()[1].path() == "/v2/widgets/w%232";
  return encoded && found.get_if<200>() && missing.get_if<404>() ? 0 : 1;
}
