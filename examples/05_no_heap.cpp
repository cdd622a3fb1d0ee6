// 05 — The embedded path: build the request into a buffer you own, send it with your own socket,
// and hand the response bytes back to be decoded. Building touches no heap; this program counts.
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/build.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/boost_json.hpp>

#include <fmt/core.h>

#include <array>
#include <cstdlib>
#include <new>

static std::size_t heap_allocations = 0;
void* operator new(std::size_t size) {
  ++heap_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  std::abort();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace c24 = apidecl::cielo24;

int main() {
  std::array<char, 256> buffer;
  std::size_t const before = heap_allocations;
  auto built = apidecl::build(c24::authorize_job, buffer, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                              c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  std::size_t const during = heap_allocations - before;
  if (!built) return 1;
  // Printed through the request's formatter, which shows no credential (fmt/formatters.hpp).
  fmt::print("{} HTTP/1.1 ({} heap allocations while building)\n", *built, during);

  // ... my_socket_send(*built); the server answers:
  apidecl::response const received{400, apidecl::header_list("Content-Type: application/json\r\n"),
                                   R"({"ErrorType": "ITEM_NOT_FOUND", "ErrorComment": "no such job"})"};
  auto r = apidecl::decode(c24::authorize_job, received, apidecl::serializer_set{apidecl::boost_json_serializer{}});
  auto const* e = r.get_if<400>();
  if (e) fmt::print("error {}: {}\n", e->type.text(), e->comment);
  return during == 0 && e && e->type == c24::error_type::item_not_found ? 0 : 1;
}
