// fixed_vector: a sequence stored inside the object, refusing values past its capacity.
#include <catch2/catch.hpp>

#include <apidecl/types/fixed_vector.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace {

/// Counts live objects, so tests can tell that every value is destroyed exactly once.
struct counted {
  static inline int live = 0;
  int value;
  explicit counted(int v) noexcept : value(v) { ++live; }
  counted(counted const& other) noexcept : value(other.value) { ++live; }
  counted& operator=(counted const&) = default;
  ~counted() { --live; }
};

}  // namespace

TEST_CASE("a fixed_vector keeps its values inside itself", "[types][fixed_vector]") {
  STATIC_REQUIRE(sizeof(apidecl::fixed_vector<int, 8>) >= 8 * sizeof(int));
  STATIC_REQUIRE(apidecl::fixed_vector<int, 8>::capacity() == 8);
  STATIC_REQUIRE(apidecl::is_fixed_vector_v<apidecl::fixed_vector<std::string, 2>>);
  STATIC_REQUIRE_FALSE(apidecl::is_fixed_vector_v<std::string>);
}

TEST_CASE("push_back and emplace_back refuse values past the capacity", "[types][fixed_vector]") {
  apidecl::fixed_vector<std::string, 2> v;
  CHECK(v.empty());
  CHECK(v.push_back("one"));
  std::string* const second = v.emplace_back(3, 'x');
  REQUIRE(second != nullptr);
  CHECK(*second == "xxx");
  CHECK(v.full());
  CHECK_FALSE(v.push_back("three"));
  CHECK(v.emplace_back("three") == nullptr);
  REQUIRE(v.size() == 2);
  CHECK(v[0] == "one");
  CHECK(v.back() == "xxx");
  std::string joined;
  for (std::string const& s : v) joined += s;
  CHECK(joined == "onexxx");
}

TEST_CASE("every value is destroyed once: by pop_back, clear or the destructor", "[types][fixed_vector]") {
  {
    apidecl::fixed_vector<counted, 3> v;
    v.emplace_back(1);
    v.emplace_back(2);
    v.emplace_back(3);
    CHECK(counted::live == 3);
    v.pop_back();
    CHECK(counted::live == 2);
    v.clear();
    CHECK(counted::live == 0);
    CHECK(v.empty());
    v.emplace_back(4);
    CHECK(counted::live == 1);
  }
  CHECK(counted::live == 0);
}

TEST_CASE("copies and moves carry the values", "[types][fixed_vector]") {
  apidecl::fixed_vector<std::string, 3> a;
  a.push_back("a long string that does not fit in a small buffer");
  a.push_back("b");
  apidecl::fixed_vector<std::string, 3> b = a;
  CHECK(b == a);
  apidecl::fixed_vector<std::string, 3> c = std::move(b);
  CHECK(c == a);
  c.push_back("c");
  CHECK(c != a);
  a = c;
  CHECK(a == c);
  apidecl::fixed_vector<std::string, 3> d;
  d = std::move(c);
  REQUIRE(d.size() == 3);
  CHECK(d[2] == "c");
  auto& self = d;
  d = self;
  CHECK(d.size() == 3);
}
