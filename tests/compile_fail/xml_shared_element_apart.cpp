// The XML encoder writes fields in declaration order, so two fields under one element (<Source>)
// with another field between them cannot be written as one element; the one error says so.
// expect: xml_fields_sharing_an_element_are_apart
// expect: share an element
// expect: one after the other
#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/pugixml.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

struct place {
#ifdef APIDECL_TWIN
  BOOST_HANA_DEFINE_STRUCT(place, (std::string, code), (std::string, name), (std::string, id));
#else
  BOOST_HANA_DEFINE_STRUCT(place, (std::string, code), (std::string, id), (std::string, name));
#endif
  static constexpr std::string_view xml_element = "Place";
  static constexpr apidecl::wire_name wire_names[] = {{"code", "Source/Code"}, {"id", "ID"}, {"name", "Source/Name"}};
};

int main() {
  char buffer[256];
  apidecl::writer out(buffer, sizeof buffer);
  apidecl::encode_result const status = apidecl::pugixml_serializer{}.encode(place{}, out);
  return status ? 0 : 1;
}
