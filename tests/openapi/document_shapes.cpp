// apidecl::openapi::document: a variant body as oneOf with its discriminator, descriptors that
// share a method and a path written as one operation, and a form body's Encoding Object.
#include <catch2/catch.hpp>

#include <apidecl/core/endpoint.hpp>
#include <apidecl/core/method.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/openapi/document.hpp>
#include <apidecl/serializer/form_encoding.hpp>
#include <apidecl/serializer/multipart.hpp>
#include <apidecl/serializer/text.hpp>

#include <boost/hana/define_struct.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace shapes {

struct cat {
  BOOST_HANA_DEFINE_STRUCT(cat, (std::string, pet_type), (bool, hunts));
  static constexpr apidecl::wire_name wire_names[] = {{"pet_type", "petType"}};
  static constexpr std::string_view discriminator_property = "petType";
  static constexpr std::string_view discriminator_value = "Cat";
};
struct dog {
  BOOST_HANA_DEFINE_STRUCT(dog, (int, bark_volume));
  static constexpr std::string_view discriminator_property = "petType";
  static constexpr std::string_view discriminator_value = "Dog";
};
struct link {
  BOOST_HANA_DEFINE_STRUCT(link, (std::string, url));
};
struct upload {
  BOOST_HANA_DEFINE_STRUCT(upload, (std::string, title), (apidecl::file_part, media));
};

struct pet_name : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "name";
};
struct as_link : apidecl::query<bool, apidecl::optional> {
  static constexpr std::string_view name = "as_link";
};

struct get_pet {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/pets";
  using params = apidecl::params<pet_name>;
  using responses = apidecl::responses<apidecl::on<200, std::variant<cat, dog>, apidecl::json>>;
};
struct get_pet_link {  // the same method and path, another answer, one more parameter
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/pets";
  using params = apidecl::params<pet_name, as_link>;
  using responses = apidecl::responses<apidecl::on<200, link, apidecl::json>, apidecl::on<404>>;
};
struct upload_pet {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/pets";
  using body = apidecl::request_body<upload, apidecl::multipart_form_data>;
  using responses = apidecl::responses<apidecl::on<201>>;
};
struct upload_pet_bytes {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/pets";
  using body = apidecl::request_body<std::string, apidecl::octet_stream>;
  using responses = apidecl::responses<apidecl::on<201>>;
};
struct upload_pet_empty {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/pets";
  using responses = apidecl::responses<apidecl::on<201>>;
};

struct address {
  BOOST_HANA_DEFINE_STRUCT(address, (std::string, city));
};
struct owner_form {
  BOOST_HANA_DEFINE_STRUCT(owner_form, (std::string, name), (address, home), (std::optional<address>, work),
                           (std::vector<std::string>, tags), (std::optional<std::vector<int>>, scores));
  static constexpr apidecl::wire_name wire_names[] = {{"home", "Home"}};
  static constexpr apidecl::form_encoding form_encodings[] = {{"home", apidecl::form_style::deep_object},
                                                              {"scores", apidecl::form_style::form, false}};
};
struct add_owner {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/owners";
  using body = apidecl::request_body<owner_form, apidecl::form>;
  using responses = apidecl::responses<apidecl::on<204>>;
};

}  // namespace shapes

namespace {

boost::json::value exported() {
  std::string const text =
      apidecl::openapi::document<shapes::get_pet, shapes::upload_pet, shapes::get_pet_link, shapes::upload_pet_bytes,
                                 shapes::upload_pet_empty, shapes::add_owner>({"Pets", "1"});
  boost::json::error_code ec;
  boost::json::value document = boost::json::parse(text, ec);
  INFO(text);
  REQUIRE_FALSE(ec);
  return document;
}

boost::json::value const& at(boost::json::value const& document, std::string_view pointer) {
  boost::json::error_code ec;
  boost::json::value const* found = document.find_pointer(pointer, ec);
  INFO(pointer);
  REQUIRE(found != nullptr);
  return *found;
}

// The members of an object or the elements of an array (the tests also run without exceptions, so
// no as_object(), which would throw for anything else).
std::size_t size_of(boost::json::value const& v) {
  if (auto const* object = v.if_object()) return object->size();
  if (auto const* array = v.if_array()) return array->size();
  return 0;
}

}  // namespace

TEST_CASE("a variant is oneOf its alternatives, with the discriminator's property and mapping", "[openapi]") {
  boost::json::value const document = exported();
  boost::json::value const& schema = at(document, "/paths/~1pets/get/responses/200/content/application~1json/schema/anyOf/0");

  CHECK(at(schema, "/oneOf/0/$ref") == "#/components/schemas/shapes.cat");
  CHECK(at(schema, "/oneOf/1/$ref") == "#/components/schemas/shapes.dog");
  CHECK(at(schema, "/discriminator/propertyName") == "petType");
  CHECK(at(schema, "/discriminator/mapping/Cat") == "#/components/schemas/shapes.cat");
  CHECK(at(schema, "/discriminator/mapping/Dog") == "#/components/schemas/shapes.dog");
  CHECK(at(document, "/components/schemas/shapes.dog/required/0") == "bark_volume");
}

TEST_CASE("descriptors on one method and path are one operation with both shapes", "[openapi]") {
  boost::json::value const document = exported();
  boost::json::value const& get = at(document, "/paths/~1pets/get");

  CHECK(at(get, "/operationId") == "get_pet_or_get_pet_link");
  REQUIRE(size_of(at(get, "/parameters")) == 2);
  CHECK(at(get, "/parameters/0/name") == "name");
  CHECK(at(get, "/parameters/0/required") == true);
  CHECK(at(get, "/parameters/1/name") == "as_link");
  CHECK(at(get, "/parameters/1/required") == false);
  boost::json::value const& answers = at(get, "/responses/200/content/application~1json/schema/anyOf");
  REQUIRE(size_of(answers) == 2);
  CHECK(at(answers, "/1/$ref") == "#/components/schemas/shapes.link");
  CHECK(at(get, "/responses/404/description") == "documented status");
  CHECK(size_of(get) == 3);  // operationId, parameters, responses

  boost::json::value const& post = at(document, "/paths/~1pets/post");
  CHECK(at(post, "/operationId") == "upload_pet_or_upload_pet_bytes_or_upload_pet_empty");
  CHECK(at(post, "/requestBody/required") == false);  // upload_pet_empty sends none
  CHECK(at(post, "/requestBody/content/multipart~1form-data/schema/$ref") == "#/components/schemas/shapes.upload");
  CHECK(at(post, "/requestBody/content/application~1octet-stream/schema/type") == "string");
  CHECK(size_of(at(document, "/paths/~1pets")) == 2);
}

TEST_CASE("a form body's Encoding Object gives the style of each struct and vector field", "[openapi]") {
  boost::json::value const document = exported();
  boost::json::value const& form = at(document, "/paths/~1owners/post/requestBody/content/application~1x-www-form-urlencoded");
  CHECK(at(form, "/schema/$ref") == "#/components/schemas/shapes.owner_form");
  boost::json::value const& encoding = at(form, "/encoding");
  CHECK(size_of(encoding) == 4);  // not name: a scalar has one spelling
  CHECK(at(encoding, "/Home/style") == "deepObject");
  CHECK(at(encoding, "/Home/explode") == true);
  CHECK(at(encoding, "/work/style") == "form");
  CHECK(at(encoding, "/work/explode") == true);
  CHECK(at(encoding, "/tags/style") == "form");
  CHECK(at(encoding, "/tags/explode") == true);
  CHECK(at(encoding, "/scores/style") == "form");
  CHECK(at(encoding, "/scores/explode") == false);
}
