// A form_encodings entry that does not suit its field does not compile: deep_object nests a
// struct's fields, and a text has none.
// expect: each entry of form_encodings must name a member: deep_object a struct, explode = false a vector
#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/query_string.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

struct login {
  BOOST_HANA_DEFINE_STRUCT(login, (std::string, name));
#ifdef APIDECL_TWIN
  static constexpr apidecl::form_encoding form_encodings[] = {{"name", apidecl::form_style::form}};
#else
  static constexpr apidecl::form_encoding form_encodings[] = {{"name", apidecl::form_style::deep_object}};
#endif
};

int main() {
  char buffer[64];
  apidecl::writer out(buffer, sizeof buffer);
  return apidecl::query_string_serializer{}.encode(login{"ann"}, out) ? 0 : 1;
}
