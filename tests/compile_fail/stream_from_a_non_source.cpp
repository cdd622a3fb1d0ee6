// stream_from of a type that is not a BodySource does not compile.
// expect: apidecl: a BodySource must provide
// expect: body_source_lacks_size_or_read
#include <apidecl/core/body_source.hpp>
#include <apidecl/stream/memory.hpp>

#include <string>

int main() {
#ifdef APIDECL_TWIN
  apidecl::memory_source media("bytes");
#else
  std::string media("bytes");
#endif
  apidecl::body_source_ref const source = apidecl::stream_from(media);
  return source ? 0 : 1;
}
