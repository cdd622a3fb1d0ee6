// Built by each consumer project here, to check that apidecl can be used from outside: a cielo24
// call through the client with the JSON serializer, an XML round trip, a libcurl transport and a
// SHA-256 from libcrypto, so that every adapter's compiled library is found and linked.
#include <apidecl/apidecl.hpp>
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/serializer/boost_json.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/curl.hpp>

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

  // Nothing listens on port 1: the request provably never left.
  apidecl::curl_options unreachable;
  unreachable.base_url = "http://127.0.0.1:1";
  apidecl::curl_transport curl(unreachable);
  auto const refused = apidecl::make_client(curl, apidecl::boost_json_serializer{})
                           .call(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  bool const curl_ok = refused.failure_if() && !refused.failure_if()->may_have_reached_server();

  std::string_view const abc = "abc";
  apidecl::sha256_digest digest{};
  bool const sha_ok = apidecl::openssl_sha256{}.sha256(&abc, 1, digest) && digest[0] == 0xba && digest[31] == 0xad;

  return task != nullptr && task->task_id == "cc8095fbfecf4647b2e10b622d81c19b" && xml_ok && curl_ok && sha_ok ? 0 : 1;
}
