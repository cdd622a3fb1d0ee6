#ifndef APIDECL_TOOLS_OPENAPI_API_MODEL_HPP
#define APIDECL_TOOLS_OPENAPI_API_MODEL_HPP

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

/// What the generator makes of a document, before any C++ is written: the types, parameters,
/// operations and Auth policies of one API, with C++ names already chosen, and the list of what
/// could not be expressed.
namespace apidecl_openapi {

/// A C++ type of a body field or a body.
struct cpp_type {
  enum class kind { text, int32, int64, number, boolean, timestamp, named, open_enum, vector, optional, variant, file };
  kind of = kind::text;
  std::string name;                         ///< the named type (a struct or an alias) or enum
  std::shared_ptr<cpp_type const> element;  ///< what a vector or an optional holds
  std::vector<cpp_type> alternatives;       ///< a variant's (oneOf, anyOf), in the document's order

  /// The type in C++, its named types qualified with `qualifier` (`petstore::`).
  std::string spelling(std::string const& qualifier) const;
};

/// A field of a body struct.
struct field_def {
  std::string member;  ///< its C++ name
  std::string wire;    ///< its name on the wire
  cpp_type type;
};

/// How a form body writes one of its struct or vector fields (OpenAPI's Encoding Object), when
/// not in the default style (form, exploded).
struct form_encoding_def {
  std::string member;  ///< the field's C++ name
  bool deep_object = false;
  bool explode = true;

  bool operator==(form_encoding_def const& other) const {
    return member == other.member && deep_object == other.deep_object && explode == other.explode;
  }
};

/// A named type: a struct, an open enumeration, or an alias of another type.
struct type_def {
  enum class kind { structure, enumeration, alias };
  kind of = kind::structure;
  std::string name;
  std::string pointer;                    ///< where the document defines it
  std::string summary;
  std::vector<field_def> fields;          ///< a struct's
  std::vector<std::string> enumerators;   ///< an enumeration's C++ names...
  std::vector<std::string> wire_values;   ///< ...and their texts
  std::optional<cpp_type> aliased;        ///< an alias's
  std::string discriminator_property;     ///< a struct's, as an alternative of a discriminated oneOf...
  std::string discriminator_value;        ///< ...and the text that names it there
  std::vector<form_encoding_def> form_encodings;  ///< a form body's, for the fields not in form style exploded
};

/// A request parameter.
struct parameter_def {
  std::string name;      ///< its C++ name, in `params`
  std::string keyword;   ///< the keyword callers name it with
  std::string wire;      ///< its name on the wire
  std::string location;  ///< path, query or header
  std::string value_type;             ///< std::string_view, std::int64_t, std::int32_t or bool
  std::string presence;               ///< required, optional or defaulted
  std::string default_literal;        ///< a C++ literal, for defaulted
  std::vector<std::string> one_of;    ///< allowed values...
  std::string values_name;            ///< ...and the C++ name of their list, in `params`
  std::optional<std::size_t> min_length, max_length;
  std::optional<long long> minimum, maximum;  ///< an integer's inclusive bounds
  bool secret = false;
  std::string example;                ///< a C++ literal that satisfies its constraints

  /// Everything that makes two parameters the same declaration.
  std::string identity() const;
};

/// A typed response header field.
struct header_def {
  std::string name;
  std::string wire;
};

/// A documented status.
struct response_def {
  int code = 0;
  int last = 0;                  ///< the last status of a range ("4XX": 400 to 499); `code` for one
  std::optional<cpp_type> body;  ///< none: no body is decoded
  std::string media;             ///< json, or none
  std::vector<std::size_t> headers;  ///< into api::headers
};

/// An operation.
struct operation_def {
  std::string name;
  std::string method;  ///< get, post, ... as apidecl::method spells them (delete_)
  std::string http_method;
  std::string path;
  std::string summary;
  std::vector<std::size_t> parameters;  ///< into api::parameters
  std::optional<cpp_type> body;
  std::string body_media;               ///< json, form, multipart_form_data or octet_stream
  std::vector<response_def> responses;
  std::optional<response_def> default_response;
};

/// An Auth policy for a security scheme.
struct auth_def {
  enum class kind { bearer, basic, api_key_header, api_key_query };
  kind of = kind::bearer;
  std::string name;        ///< the policy's C++ name
  std::string scheme;      ///< the scheme's name in the document
  std::string wire;        ///< the header or query parameter name, for API keys
  std::string field;       ///< the C++ name of the header field's declaration, for api_key_header
  std::size_t parameter = 0;  ///< the query parameter, for api_key_query
  std::string note;
};

/// What the document says that the header does not express.
struct unsupported_note {
  std::string pointer;
  std::string what;
};

/// One API.
struct api {
  std::string source;    ///< the document's file name
  std::string title, version, openapi;
  std::string namespace_name;
  std::vector<type_def> types;  ///< in an order where each is declared before a use that needs it complete
  std::vector<parameter_def> parameters;
  std::vector<header_def> headers;
  std::vector<operation_def> operations;
  std::vector<auth_def> auth;
  std::vector<unsupported_note> unsupported;
};

}  // namespace apidecl_openapi

#endif
