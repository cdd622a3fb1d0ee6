// A root type for the XML serializer must say which element it is; the one error says what to add.
// expect: xml_body_lacks_its_root_element_name
// expect: xml_element
#include <apidecl/serializer/pugixml.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

struct quote {
  BOOST_HANA_DEFINE_STRUCT(quote, (std::string, id));
#ifdef APIDECL_TWIN
  static constexpr std::string_view xml_element = "Quote";
#endif
};

int main() {
  quote q;
  apidecl::decode_result const status = apidecl::pugixml_serializer{}.decode("<Quote><id>7</id></Quote>", q);
  return status ? 0 : 1;
}
