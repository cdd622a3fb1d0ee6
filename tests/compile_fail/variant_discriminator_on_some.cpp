// A variant body whose alternatives do not all declare a discriminator does not compile: which
// rule picks the alternative would depend on the value.
// expect: discriminator_on_some_alternatives
// expect: either every alternative of a variant body declares discriminator_property
#include <apidecl/serializer/boost_json.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>
#include <string_view>
#include <variant>

struct cat {
  BOOST_HANA_DEFINE_STRUCT(cat, (bool, hunts));
  static constexpr std::string_view discriminator_property = "petType";
  static constexpr std::string_view discriminator_value = "cat";
};
struct dog {
  BOOST_HANA_DEFINE_STRUCT(dog, (int, bark_volume));
#ifdef APIDECL_TWIN
  static constexpr std::string_view discriminator_property = "petType";
  static constexpr std::string_view discriminator_value = "dog";
#endif
};

int main() {
  std::variant<cat, dog> pet;
  return apidecl::boost_json_serializer{}.decode(R"({"petType":"cat","hunts":true})", pet) ? 0 : 1;
}
