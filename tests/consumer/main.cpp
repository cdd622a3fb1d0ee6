// Built by each consumer project here, to check that apidecl can be used from outside: a cielo24
// call through the client with the JSON serializer, and an XML round trip, so that both adapters'
// compiled libraries are found and linked.
#include <apidecl/apidecl.hpp>
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/serializer/pugixml.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

namespace c24 = apidecl::cielo24;

struct greeting {
  BOOST_HANA_DEFINE_STRUCT(greeting, (std::string, text));
  static constexpr std::string_view xml_element = "Greeting";
  static constexpr apidecl::wire_name wire_names[] = {{"text", "Text"}};
};

int main() {
  apidecl::mock_transport http;
  http.respond(200, R"({"TaskId": "cc8095fbfecf4647b2e10b622d81c19b"})");
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto r = api.call(c24::delete_job, c24::api_token = "7ca5dc5c7cce449fb0fff719307e8f5f",
                    c24::job_id = "64bea283eff6475ea6596027a6ba0929");
  auto const* task = r.get_if<200>();

  char buffer[128];
  apidecl::writer out(buffer, sizeof buffer);
  apidecl::pugixml_serializer const xml;
  greeting back;
  bool const xml_ok = xml.encode(greeting{"a < b"}, out) &&
                      xml.decode(std::string_view(buffer, out.size()), back) && back.text == "a < b";

  return task != nullptr && task->task_id == "cc8095fbfecf4647b2e10b622d81c19b" && xml_ok ? 0 : 1;
}
