// A Serializer that does not say which media type it handles does not compile.
// expect: not_a_client_policy
// expect: my_serializer
#include <apidecl/client/client.hpp>
#include <apidecl/transport/mock.hpp>

#include <string_view>

struct my_serializer {
#ifdef APIDECL_TWIN
  using media_type = apidecl::json;
#endif
  template <class T>
  apidecl::decode_result decode(std::string_view, T&) const {
    return {};
  }
};

int main() {
  apidecl::mock_transport http;
  auto api = apidecl::make_client(http, my_serializer{});
  (void)api;
}
