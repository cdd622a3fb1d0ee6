// A field the XML serializer cannot write as text (a floating-point number, whose spelling it
// does not choose for the service) is refused when decoding too; the one error lists what it
// takes.
// expect: xml_body_has_an_unsupported_field
// expect: cannot handle a field of this body
#include <apidecl/serializer/pugixml.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

struct reading {
#ifdef APIDECL_TWIN
  BOOST_HANA_DEFINE_STRUCT(reading, (std::string, sensor), (int, celsius));
#else
  BOOST_HANA_DEFINE_STRUCT(reading, (std::string, sensor), (double, celsius));
#endif
  static constexpr std::string_view xml_element = "Reading";
};

int main() {
  reading r;
  apidecl::decode_result const status =
      apidecl::pugixml_serializer{}.decode("<Reading><sensor>a</sensor><celsius>7</celsius></Reading>", r);
  return status ? 0 : 1;
}
