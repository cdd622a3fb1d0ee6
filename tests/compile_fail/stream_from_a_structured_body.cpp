// A source passed as the body of an endpoint whose body is not raw bytes does not compile.
// expect: apidecl: the body is not of the type the endpoint declares
// expect: body_source_ref
#include <apidecl/core/build.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/stream/memory.hpp>

#include <array>
#include <string>
#include <string_view>

struct quote {
  std::string amount;
};

struct upload {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/upload";
#ifdef APIDECL_TWIN
  using body = apidecl::request_body<std::string, apidecl::octet_stream>;
#else
  using body = apidecl::request_body<quote, apidecl::octet_stream>;
#endif
  using responses = apidecl::responses<apidecl::on<204>>;
};

int main() {
  std::array<char, 256> buffer;
  apidecl::memory_source media("bytes");
  auto built = apidecl::build(upload{}, buffer, apidecl::serializer_set{apidecl::octet_serializer{}},
                              apidecl::body = apidecl::stream_from(media));
  return built ? 0 : 1;
}
