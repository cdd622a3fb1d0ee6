// The XML serializer writes a struct as elements; a bare value has no element to go in. The one
// error names the problem.
// expect: xml_body_is_not_a_struct
// expect: Hana Struct
#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/pugixml.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

struct count {
  BOOST_HANA_DEFINE_STRUCT(count, (int, value));
  static constexpr std::string_view xml_element = "Count";
};

int main() {
  char buffer[64];
  apidecl::writer out(buffer, sizeof buffer);
#ifdef APIDECL_TWIN
  apidecl::encode_result const status = apidecl::pugixml_serializer{}.encode(count{42}, out);
#else
  apidecl::encode_result const status = apidecl::pugixml_serializer{}.encode(42, out);
#endif
  return status ? 0 : 1;
}
