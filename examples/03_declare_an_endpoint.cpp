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

  for (char const* wanted : {"w/1", "w#2"}) {
    auto r = api.call(shop::get_widget{}, shop::id = wanted, shop::expanded = "stock");
    r.visit(apidecl::overload{
        [](shop::widget const& w) { fmt::print("{} is a {} ({} in stock)\n", w.id, w.name, w.stock.value_or(0)); },
        [](shop::not_found const& e) { fmt::print("not found: {}\n", e.message); },
        [](apidecl::unexpected_status const& s) { fmt::print("{}\n", s); },
        [](apidecl::failure const& f) { fmt::print("failed: {}\n", f); }});
    fmt::print("  sent: {}\n", http.requests().back().request_line());
  }
}
