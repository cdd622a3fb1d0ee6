#include "ondemand_xml.hpp"

#include <algorithm>
#include <sstream>

namespace emulator::ondemand_xml {

void append_text(pugi::xml_node parent, const char* name, std::string_view text) {
  parent.append_child(name).text().set(std::string{text}.c_str());
}

response xml_response(http::status status, const pugi::xml_document& body) {
  std::ostringstream text;
  body.save(text, "  ", pugi::format_indent | pugi::format_no_declaration);
  return make_response(status, xml_media_type, text.str());
}

response error(http::status status, int reason_code, std::string_view simple_message,
               std::string_view detailed_message) {
  pugi::xml_document body;
  auto root = body.append_child("Error");
  append_text(root, "ReasonCode", std::to_string(reason_code));
  append_text(root, "SimpleMessage", simple_message);
  append_text(root, "DetailedMessage", detailed_message);
  return xml_response(status, body);
}

bool is_number(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace emulator::ondemand_xml
