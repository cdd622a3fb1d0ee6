#ifndef APIDECL_CORE_MEDIA_TYPE_HPP
#define APIDECL_CORE_MEDIA_TYPE_HPP

#include <string_view>

/// Media types name the format of a body. A descriptor says which one each body uses; a client
/// picks the Serializer whose `media_type` is that tag. A user adds one by declaring a struct with
/// `static constexpr std::string_view name`, the value of the Content-Type header. A media type
/// whose Content-Type carries a parameter chosen per body, as `multipart/form-data` carries its
/// boundary, also declares `static constexpr std::string_view parameter` (its name); its
/// Serializer then gives the value, read from the body it encoded (serializer.hpp).
namespace apidecl {

/// JSON, RFC 8259.
struct json {
  static constexpr std::string_view name = "application/json";
};

/// XML as the services we ship expect it: onDemand refuses anything but `text/xml`.
struct xml {
  static constexpr std::string_view name = "text/xml";
};

/// HTML-form encoding, the query-string syntax used as a body.
struct form {
  static constexpr std::string_view name = "application/x-www-form-urlencoded";
};

/// The media of a response that carries no body worth decoding (204, or a body that is ignored).
struct no_media {
  static constexpr std::string_view name = "";
};

}  // namespace apidecl

#endif
