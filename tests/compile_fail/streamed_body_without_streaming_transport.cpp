// A body streamed from a source, through a Transport that does not stream bodies, does not compile.
// expect: apidecl: a body streamed from a source (apidecl::stream_from) needs a Transport
// expect: streamed_body_needs_a_streaming_transport
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/stream/memory.hpp>

#include <string>
#include <string_view>

struct upload {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/upload";
  using body = apidecl::request_body<std::string, apidecl::octet_stream>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

struct engine_transport {
#ifdef APIDECL_TWIN
  static constexpr bool streams_bodies = true;
#endif
  apidecl::transport_result send(apidecl::request const&) { return apidecl::response{204, {}, {}}; }
};

int main() {
  engine_transport http;
  auto api = apidecl::make_client(http, apidecl::octet_serializer{});
  apidecl::memory_source media("bytes");
  auto r = api.call(upload{}, apidecl::body = apidecl::stream_from(media));
  return r.http_status() == 204 ? 0 : 1;
}
