// What every onDemand answer is made of: XML bodies, the error body and its reason codes.
#ifndef APIDECL_EMULATOR_ONDEMAND_XML_HPP
#define APIDECL_EMULATOR_ONDEMAND_XML_HPP

#include "messages.hpp"

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace emulator::ondemand_xml {

// URLs in answers point nowhere on purpose (.invalid is reserved); clients only pass them on.
inline const std::string site = "https://ondemand.invalid";

// Reason codes from the Authorize Quote and error handling documentation.
inline constexpr int miscellaneous = 300;
inline constexpr int quote_id_mismatch = 303;
inline constexpr int quote_not_ready = 306;
inline constexpr int parsing_failed = 307;

/// Appends `<name>text</name>` to `parent`.
void append_text(pugi::xml_node parent, const char* name, std::string_view text);

/// `body`, indented, without an XML declaration, as text/xml.
response xml_response(http::status status, const pugi::xml_document& body);

/// `<Error><ReasonCode/><SimpleMessage/><DetailedMessage/></Error>` with `status`.
response error(http::status status, int reason_code, std::string_view simple_message,
               std::string_view detailed_message);

/// Digits only, at least one.
bool is_number(std::string_view text);

}  // namespace emulator::ondemand_xml

#endif
