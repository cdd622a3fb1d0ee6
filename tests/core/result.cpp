// The outcome of a call: one documented status with its body, an unexpected status, or a failure,
// taken apart with visit, get_if and the *_if accessors.
#include <catch2/catch.hpp>

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/failure.hpp>
#include <apidecl/core/result.hpp>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace result_test {

struct widget {
  std::string name;
};
struct problem {
  std::string detail;
};

struct get_widget {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>, apidecl::on<204>,
                                       apidecl::on<404, problem, apidecl::json>>;
};

struct put_widget {  // 200 and 201 carry the same body type
  static constexpr apidecl::method method = apidecl::method::put;
  static constexpr std::string_view path = "/v2/widgets";
  using responses = apidecl::responses<apidecl::on<200, widget, apidecl::json>, apidecl::on<201, widget, apidecl::json>,
                                       apidecl::on<409, problem, apidecl::json>>;
};

using get_result = apidecl::result<get_widget>;
using put_result = apidecl::result<put_widget>;

template <class Result, int Code, class Body>
Result documented(Body body) {
  return Result(apidecl::status<Code, Body>{std::move(body)});
}

apidecl::failure transport_failure() {
  return apidecl::transport_error{apidecl::transport_errc::timed_out, true, "timed out after 30 s"};
}

apidecl::failure decode_failure() {
  return apidecl::decode_error{"name", "is not a string", 200, "Content-Type: application/json\r\n", "{\"name\":1}"};
}

// A visitor that names each case it is given, taking documented cases by their body.
auto const by_body = apidecl::overload{
    [](widget const& w) { return "widget " + w.name; },
    [](apidecl::no_content) { return std::string("no content"); },
    [](problem const& p) { return "problem " + p.detail; },
    [](apidecl::unexpected_status const& s) { return "unexpected " + std::to_string(s.status); },
    [](apidecl::failure const& f) { return "failure " + f.message(); },
};

}  // namespace result_test

using namespace result_test;

TEST_CASE("visit calls the callable that takes the body of the documented status received", "[core][result]") {
  CHECK(documented<get_result, 200>(widget{"gear"}).visit(by_body) == "widget gear");
  CHECK(documented<get_result, 204>(apidecl::no_content{}).visit(by_body) == "no content");
  CHECK(documented<get_result, 404>(problem{"gone"}).visit(by_body) == "problem gone");
}

TEST_CASE("visit passes an undocumented status whole", "[core][result]") {
  get_result const r = apidecl::unexpected_status{502, "Server: proxy\r\n", "<html>Bad Gateway</html>"};
  CHECK(r.visit(by_body) == "unexpected 502");
  std::string seen;
  r.visit(apidecl::overload{
      [](widget const&) {}, [](apidecl::no_content) {}, [](problem const&) {},
      [&](apidecl::unexpected_status const& s) { seen = s.headers + s.body; }, [](apidecl::failure const&) {}});
  CHECK(seen == "Server: proxy\r\n<html>Bad Gateway</html>");
}

TEST_CASE("visit passes a failure", "[core][result]") {
  get_result const r = transport_failure();
  CHECK(r.visit(by_body) == "failure transport error: timed out after 30 s");
}

TEST_CASE("a callable taking apidecl::status<Code, Body> is preferred over one taking the body",
          "[core][result]") {
  auto const visitor = apidecl::overload{
      [](apidecl::status<200, widget> const& s) { return "200 whole: " + s.body.name; },
      [](widget const& w) { return "body: " + w.name; },
      [](apidecl::no_content) { return std::string("no content"); },
      [](problem const& p) { return "problem " + p.detail; },
      [](apidecl::unexpected_status const&) { return std::string("unexpected"); },
      [](apidecl::failure const&) { return std::string("failure"); },
  };
  CHECK(documented<get_result, 200>(widget{"gear"}).visit(visitor) == "200 whole: gear");
}

TEST_CASE("statuses that share a body type are told apart by status<Code, Body> callables", "[core][result]") {
  auto const visitor = apidecl::overload{
      [](apidecl::status<200, widget> const& s) { return "updated " + s.body.name; },
      [](apidecl::status<201, widget> const& s) { return "created " + s.body.name; },
      [](problem const& p) { return "conflict " + p.detail; },
      [](apidecl::unexpected_status const&) { return std::string("unexpected"); },
      [](apidecl::failure const&) { return std::string("failure"); },
  };
  CHECK(documented<put_result, 200>(widget{"gear"}).visit(visitor) == "updated gear");
  CHECK(documented<put_result, 201>(widget{"cog"}).visit(visitor) == "created cog");
  CHECK(documented<put_result, 409>(problem{"exists"}).visit(visitor) == "conflict exists");

  // A callable taking the shared body type serves both.
  auto const either = apidecl::overload{
      [](widget const& w) { return w.name; }, [](problem const&) { return std::string(); },
      [](apidecl::unexpected_status const&) { return std::string(); },
      [](apidecl::failure const&) { return std::string(); }};
  CHECK(documented<put_result, 200>(widget{"a"}).visit(either) == "a");
  CHECK(documented<put_result, 201>(widget{"b"}).visit(either) == "b");
}

TEST_CASE("a generic callable receives documented statuses whole", "[core][result]") {
  auto const codes = [](auto const& c) -> int {
    using C = std::decay_t<decltype(c)>;
    if constexpr (std::is_same_v<C, apidecl::unexpected_status>) return -c.status;
    else if constexpr (std::is_same_v<C, apidecl::failure>) return 0;
    else return C::code;
  };
  CHECK(documented<put_result, 201>(widget{"b"}).visit(codes) == 201);
  CHECK(put_result(apidecl::unexpected_status{500, {}, {}}).visit(codes) == -500);
  CHECK(put_result(transport_failure()).visit(codes) == 0);
}

TEST_CASE("visit may return nothing and may change what the visitor captured", "[core][result]") {
  int calls = 0;
  auto count = [&](auto const&) { ++calls; };
  documented<get_result, 204>(apidecl::no_content{}).visit(count);
  get_result(decode_failure()).visit(count);
  CHECK(calls == 2);
  STATIC_REQUIRE(std::is_void_v<decltype(std::declval<get_result const&>().visit(count))>);
}

TEST_CASE("get_if gives the body of the status received, or nothing", "[core][result]") {
  get_result const ok = documented<get_result, 200>(widget{"gear"});
  REQUIRE(ok.get_if<200>() != nullptr);
  CHECK(ok.get_if<200>()->name == "gear");
  CHECK(ok.get_if<404>() == nullptr);
  CHECK(ok.get_if<204>() == nullptr);
  STATIC_REQUIRE(std::is_same_v<decltype(ok.get_if<200>()), widget const*>);
  STATIC_REQUIRE(std::is_same_v<decltype(ok.get_if<404>()), problem const*>);
  STATIC_REQUIRE(std::is_same_v<decltype(ok.get_if<204>()), apidecl::no_content const*>);

  get_result const empty = documented<get_result, 204>(apidecl::no_content{});
  CHECK(empty.get_if<204>() != nullptr);
  CHECK(empty.get_if<200>() == nullptr);

  put_result const created = documented<put_result, 201>(widget{"cog"});
  CHECK(created.get_if<200>() == nullptr);
  REQUIRE(created.get_if<201>() != nullptr);
  CHECK(created.get_if<201>()->name == "cog");
}

TEST_CASE("get_if finds nothing in an unexpected status or a failure", "[core][result]") {
  get_result const unexpected = apidecl::unexpected_status{200, {}, "not what we expected"};
  CHECK(unexpected.get_if<200>() == nullptr);  // a 200 that did not come through the documented case
  get_result const failed = transport_failure();
  CHECK(failed.get_if<200>() == nullptr);
}

TEST_CASE("http_status gives the status received, or 0 when none was", "[core][result]") {
  CHECK(documented<get_result, 200>(widget{}).http_status() == 200);
  CHECK(documented<get_result, 204>(apidecl::no_content{}).http_status() == 204);
  CHECK(documented<put_result, 201>(widget{}).http_status() == 201);
  CHECK(get_result(apidecl::unexpected_status{503, {}, {}}).http_status() == 503);
  CHECK(get_result(decode_failure()).http_status() == 200);
  CHECK(get_result(transport_failure()).http_status() == 0);
  CHECK(get_result(apidecl::failure(apidecl::validation_error{})).http_status() == 0);
}

TEST_CASE("failure_if and unexpected_if give the case held, or nothing", "[core][result]") {
  get_result const failed = transport_failure();
  REQUIRE(failed.failure_if() != nullptr);
  CHECK(failed.failure_if()->kind() == apidecl::failure_kind::transport);
  CHECK(failed.unexpected_if() == nullptr);

  get_result const unexpected = apidecl::unexpected_status{418, "X: y\r\n", "teapot"};
  CHECK(unexpected.failure_if() == nullptr);
  REQUIRE(unexpected.unexpected_if() != nullptr);
  CHECK(unexpected.unexpected_if()->status == 418);
  CHECK(unexpected.unexpected_if()->body == "teapot");

  get_result const ok = documented<get_result, 200>(widget{"gear"});
  CHECK(ok.failure_if() == nullptr);
  CHECK(ok.unexpected_if() == nullptr);
}

TEST_CASE("a result holds the documented statuses, unexpected_status and failure, and nothing else",
          "[core][result]") {
  STATIC_REQUIRE(std::is_constructible_v<get_result, apidecl::status<200, widget>>);
  STATIC_REQUIRE(std::is_constructible_v<get_result, apidecl::status<204, apidecl::no_content>>);
  STATIC_REQUIRE(std::is_constructible_v<get_result, apidecl::unexpected_status>);
  STATIC_REQUIRE(std::is_constructible_v<get_result, apidecl::failure>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<get_result, apidecl::status<201, widget>>);
  STATIC_REQUIRE_FALSE(std::is_constructible_v<get_result, widget>);
  get_result const r = documented<get_result, 404>(problem{"gone"});
  CHECK(r.get_if<404>() != nullptr);
  CHECK(r.get_if<200>() == nullptr);
}

TEST_CASE("a result copies, moves and assigns whichever case it holds", "[core][result]") {
  get_result a = documented<get_result, 200>(widget{std::string(100, 'w')});  // past the small-string buffer
  get_result b = transport_failure();
  b.record_attempts(3);
  get_result c = a;
  CHECK(c.get_if<200>()->name == std::string(100, 'w'));
  c = b;
  REQUIRE(c.failure_if() != nullptr);
  CHECK(c.attempts() == 3);
  get_result d = std::move(a);
  CHECK(d.get_if<200>()->name == std::string(100, 'w'));
  d = std::move(c);
  CHECK(d.failure_if()->transport()->code == apidecl::transport_errc::timed_out);
  get_result const& same = d;
  d = same;  // assigning a result to itself keeps its case
  CHECK(d.failure_if() != nullptr);
  d = documented<get_result, 204>(apidecl::no_content{});
  CHECK(d.http_status() == 204);
}

namespace result_test {
// A body that counts how it is made and ended, to see what a result does with the cases it holds.
struct counted {
  static inline int copies = 0;
  static inline int moves = 0;
  static inline int alive = 0;
  std::string text;
  counted() { ++alive; }
  explicit counted(std::string t) : text(std::move(t)) { ++alive; }
  counted(counted const& other) : text(other.text) {
    ++copies;
    ++alive;
  }
  counted(counted&& other) noexcept : text(std::move(other.text)) {
    ++moves;
    ++alive;
  }
  counted& operator=(counted const&) = default;
  counted& operator=(counted&&) = default;
  ~counted() { --alive; }
};
struct get_counted {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/v2/counted";
  using responses = apidecl::responses<apidecl::on<200, counted, apidecl::json>, apidecl::on<202, counted, apidecl::json>>;
};
using counted_result = apidecl::result<get_counted>;
}  // namespace result_test

TEST_CASE("a result copies a case given as an lvalue, moves one given as an rvalue, and ends each once",
          "[core][result]") {
  counted::copies = counted::moves = 0;
  {
    apidecl::status<200, counted> ok{counted(std::string(40, 'k'))};
    apidecl::status<200, counted> const& same = ok;
    int const alive = counted::alive;
    counted_result copied = ok;
    counted_result copied_const = same;
    CHECK(counted::copies == 2);
    CHECK(ok.body.text == std::string(40, 'k'));  // an lvalue is left as it was
    counted_result moved = std::move(ok);
    CHECK(counted::copies == 2);
    CHECK(moved.get_if<200>()->text == std::string(40, 'k'));
    CHECK(counted::alive == alive + 3);

    counted_result accepted = apidecl::status<202, counted>{counted("accepted")};
    accepted.record_attempts(4);
    copied = std::move(accepted);  // ends the 200 held, takes the 202 with its attempts
    REQUIRE(copied.get_if<202>() != nullptr);
    CHECK(copied.get_if<202>()->text == "accepted");
    CHECK(copied.attempts() == 4);
    copied_const = apidecl::failure(apidecl::transport_error{apidecl::transport_errc::timed_out, true, "late"});
    CHECK(copied_const.failure_if() != nullptr);
    counted_result const kept = copied;  // a copy of a result copies its case and its attempts
    CHECK(kept.get_if<202>()->text == "accepted");
    CHECK(kept.attempts() == 4);
  }
  CHECK(counted::alive == 0);  // every case made was ended, the moved-from ones too
}

TEST_CASE("overload combines callables into one visitor", "[core][result]") {
  auto const f = apidecl::overload{[](int i) { return i * 2; }, [](std::string_view s) { return int(s.size()); }};
  CHECK(f(21) == 42);
  CHECK(f(std::string_view("abc")) == 3);
}
