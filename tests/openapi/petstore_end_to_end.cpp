// The petstore example end to end: the header apidecl-openapi makes of data/petstore.yaml, called
// over curl_transport against a small pet store on a loopback socket whose routes are the same
// descriptors and whose bodies the same serializer writes. Every documented status of every
// operation comes back at least once, `default` ones decoded as the descriptor's default_response
// says.
#include <catch2/catch.hpp>

#include "../support/raw_servers.hpp"
#include "petstore.hpp"

#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/transport/curl.hpp>

#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Whether a request for `method` on `path` is one of `Endpoint`: its method, and its path template
// segment by segment, a {name} standing for any one segment.
template <class Endpoint>
bool routes_to(std::string_view method, std::string_view path) {
  if (method != apidecl::method_name(Endpoint::method)) return false;
  std::string_view pattern = Endpoint::path;
  while (!pattern.empty() && !path.empty()) {
    std::size_t const pattern_end = pattern.find('/', 1);
    std::size_t const path_end = path.find('/', 1);
    std::string_view const expected = pattern.substr(0, pattern_end);
    std::string_view const got = path.substr(0, path_end);
    bool const placeholder = expected.size() > 2 && expected[1] == '{' && expected.back() == '}';
    if (!(placeholder ? got.size() > 1 : expected == got)) return false;
    pattern = pattern_end == std::string_view::npos ? std::string_view{} : pattern.substr(pattern_end);
    path = path_end == std::string_view::npos ? std::string_view{} : path.substr(path_end);
  }
  return pattern.empty() && path.empty();
}

// The petstore's server side: its pets in memory, each request answered as the document says.
class pet_store {
 public:
  std::string answer(std::string_view request) {
    std::string_view const method = request.substr(0, request.find(' '));
    std::size_t const target_begin = method.size() + 1;
    std::string_view const target = request.substr(target_begin, request.find(' ', target_begin) - target_begin);
    std::string_view const path = target.substr(0, target.find('?'));
    std::string_view const query = target.size() > path.size() ? target.substr(path.size() + 1) : std::string_view{};
    std::string_view const body = request.substr(request.find("\r\n\r\n") + 4);
    namespace e = petstore::endpoints;
    if (routes_to<e::list_pets>(method, path)) return list(query);
    if (routes_to<e::create_pets>(method, path)) return create(body);
    if (routes_to<e::show_pet_by_id>(method, path)) return show(path.substr(path.rfind('/') + 1));
    return response(404, "Not Found", json(petstore::error{404, "no such route"}));
  }

 private:
  std::string list(std::string_view query) {
    long limit = 100;
    if (query.rfind("limit=", 0) == 0) limit = std::strtol(std::string(query.substr(6)).c_str(), nullptr, 10);
    if (limit < 1) return response(400, "Bad Request", json(petstore::error{400, "limit must be at least 1"}));
    petstore::pets page;
    for (auto const& [id, pet] : pets_)
      if (static_cast<long>(page.size()) < limit) page.push_back(pet);
    std::string const next = page.size() < pets_.size() ? "x-next: /pets?after=" + std::to_string(page.back().id) + "\r\n" : "";
    return response(200, "OK", json(page), next);
  }

  std::string create(std::string_view body) {
    petstore::pet pet;
    if (!apidecl::boost_json_serializer{}.decode(body, pet))
      return response(400, "Bad Request", json(petstore::error{400, "not a pet"}));
    if (!pets_.emplace(pet.id, pet).second)
      return response(409, "Conflict", json(petstore::error{409, "a pet has this id"}));
    return response(201, "Created", "");
  }

  std::string show(std::string_view id) {
    auto const found = pets_.find(std::strtoll(std::string(id).c_str(), nullptr, 10));
    if (found == pets_.end()) return response(404, "Not Found", json(petstore::error{404, "no such pet"}));
    return response(200, "OK", json(found->second));
  }

  template <class T>
  static std::string json(T const& value) {
    char text[4096];
    apidecl::writer out(text, sizeof text);
    REQUIRE(apidecl::boost_json_serializer{}.encode(value, out));
    return std::string(text, out.size());
  }

  static std::string response(int status, std::string_view reason, std::string const& body, std::string const& fields = "") {
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\nConnection: close\r\n" +
           (body.empty() ? "" : "Content-Type: application/json\r\n") + fields +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  std::map<std::int64_t, petstore::pet> pets_;
};

// What a call's `default` response carries, decoded as the endpoint declares.
template <class Endpoint, class Result>
typename Endpoint::default_response::body default_body(Result const& r) {
  typename Endpoint::default_response::body decoded{};
  REQUIRE(r.unexpected_if() != nullptr);
  CHECK(apidecl::boost_json_serializer{}.decode(r.unexpected_if()->body, decoded));
  return decoded;
}

}  // namespace

TEST_CASE("the generated petstore client lists, creates and shows pets over HTTP", "[openapi]") {
  pet_store store;
  test_support::scripted_server server([&](int connection) {
    std::string const request = server.read_request(connection);
    if (!request.empty()) test_support::scripted_server::write_all(connection, store.answer(request));
    return test_support::scripted_server::then::close;
  });
  REQUIRE(server.listening());
  apidecl::curl_options options;
  options.base_url = server.url();
  apidecl::curl_transport http(options);
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  namespace e = petstore::endpoints;

  auto const none = api.call(petstore::list_pets);
  REQUIRE(none.get_if<200>() != nullptr);
  CHECK(none.get_if<200>()->empty());

  CHECK(api.call(petstore::create_pets, apidecl::body = petstore::pet{1, "Tom", "cat"}).get_if<201>() != nullptr);
  CHECK(api.call(petstore::create_pets, apidecl::body = petstore::pet{2, "Jerry", std::nullopt}).get_if<201>() != nullptr);
  auto const again = api.call(petstore::create_pets, apidecl::body = petstore::pet{1, "Tom again", std::nullopt});
  CHECK(again.http_status() == 409);
  CHECK(default_body<e::create_pets>(again).message == "a pet has this id");

  auto const first = api.call(petstore::list_pets, petstore::limit = 1);
  REQUIRE(first.get_case_if<200>() != nullptr);
  REQUIRE(first.get_case_if<200>()->body.size() == 1);
  CHECK(first.get_case_if<200>()->body[0].name == "Tom");
  CHECK(first.get_case_if<200>()->headers.get<petstore::headers::x_next>() == "/pets?after=1");
  auto const refused = api.call(petstore::list_pets, petstore::limit = 0);
  CHECK(refused.http_status() == 400);
  CHECK(default_body<e::list_pets>(refused).code == 400);

  auto const tom = api.call(petstore::show_pet_by_id, petstore::pet_id = "1");
  REQUIRE(tom.get_if<200>() != nullptr);
  CHECK(tom.get_if<200>()->name == "Tom");
  CHECK(tom.get_if<200>()->tag == "cat");
  auto const jerry = api.call(petstore::show_pet_by_id, petstore::pet_id = "2");
  REQUIRE(jerry.get_if<200>() != nullptr);
  CHECK_FALSE(jerry.get_if<200>()->tag.has_value());
  auto const missing = api.call(petstore::show_pet_by_id, petstore::pet_id = "3");
  CHECK(missing.http_status() == 404);
  CHECK(default_body<e::show_pet_by_id>(missing).message == "no such pet");

  // The server saw what the descriptors say: the method, the path and the JSON body.
  std::vector<std::string> const seen = server.requests();
  REQUIRE(seen.size() == 9);
  CHECK(seen[1].rfind("POST /pets HTTP/1.1\r\n", 0) == 0);
  CHECK(seen[1].find(R"({"id":1,"name":"Tom","tag":"cat"})") != std::string::npos);
  CHECK(seen[4].rfind("GET /pets?limit=1 HTTP/1.1\r\n", 0) == 0);
  CHECK(seen[8].rfind("GET /pets/3 HTTP/1.1\r\n", 0) == 0);
}
