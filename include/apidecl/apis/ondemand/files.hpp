#ifndef APIDECL_APIS_ONDEMAND_FILES_HPP
#define APIDECL_APIS_ONDEMAND_FILES_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/serializer/text.hpp>
#include <apidecl/types/language_code.hpp>
#include <apidecl/types/timestamp.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// Files (add_file.rst, add_file_by_reference.rst, list_files.rst, get_file.rst,
/// get_file_details.rst, get_file_translation.rst), API version 2015-02-23: documents uploaded
/// to be quoted and translated, and their translations. Contents travel as raw bytes: pair the
/// client with `octet_serializer` (serializer/text.hpp) besides the XML one.
namespace apidecl::ondemand::v2015 {

/// A file as onDemand describes it.
struct file {
  ids::asset asset_id;
  std::optional<std::string> status;
  std::optional<std::string> file_name;
  std::optional<language_code> source_language;
  std::optional<utc_timestamp> upload_date;
  static constexpr std::string_view xml_element = "File";
  static constexpr wire_name wire_names[] = {{"asset_id", "AssetID"},
                                             {"status", "Status"},
                                             {"file_name", "FileName"},
                                             {"source_language", "SourceLanguage/LanguageCode"},
                                             {"upload_date", "UploadDate"}};
};
BOOST_DESCRIBE_STRUCT(file, (), (asset_id, status, file_name, source_language, upload_date))

/// Add File by Reference's body: where onDemand fetches the file from.
struct file_reference {
  std::string url;
  static constexpr std::string_view xml_element = "File";
  static constexpr wire_name wire_names[] = {{"url", "URL"}};
};
BOOST_DESCRIBE_STRUCT(file_reference, (), (url))

/// List Files' answer: `<Files><File/>...</Files>`.
struct file_list {
  std::vector<file> files;
  static constexpr std::string_view xml_element = "Files";
  static constexpr wire_name wire_names[] = {{"files", "File"}};
};
BOOST_DESCRIBE_STRUCT(file_list, (), (files))

namespace endpoints {
/// Add File: `POST /api/files/add/{language}/{file_name}` with the file's bytes as the body
/// answers 201 with the stored file. The docs want the file's own MIME type as Content-Type; a
/// body type has one media type, so this sends `application/octet-stream`. The file is held in
/// memory as a `std::string` body, or streamed from a source in bounded memory
/// (`apidecl::body = apidecl::stream_from(file)`, core/body_source.hpp) over a Transport that
/// streams bodies. Not idempotent: a repeat stores a second file.
struct add_file {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/files/add/{language}/{file_name}";
  using params = apidecl::params<ondemand::params::language, ondemand::params::file_name>;
  using body = apidecl::request_body<std::string, octet_stream>;
  using responses = apidecl::responses<on<201, file, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// Add File by Reference: `POST /api/files/add_by_reference/{language}/{file_name}` with the
/// file's URL; 202: onDemand fetches it later. Not idempotent.
struct add_file_by_reference {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/files/add_by_reference/{language}/{file_name}";
  using params = apidecl::params<ondemand::params::language, ondemand::params::file_name>;
  using body = apidecl::request_body<file_reference, xml>;
  using responses = apidecl::responses<on<202, file, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// List Files: `GET /api/files`.
struct list_files {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/files";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, file_list, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// Get File: `GET /api/files/{asset_id}` answers the file's bytes; with a Range header, 206
/// and that part: held whole in memory, or streamed to the call's sink as it arrives
/// (`call_options::response_into`, core/body_sink.hpp); the XML errors are decoded as usual.
struct get_file {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/files/{asset_id}";
  using params = apidecl::params<ondemand::params::asset_id, ondemand::params::byte_range>;
  using responses = apidecl::responses<on<200, std::string, octet_stream>, on<206, std::string, octet_stream>,
                                       on<401, error, xml>, on<404, error, xml>, too_many_requests>;
};

/// Get File Details: `GET /api/files/{asset_id}/details`.
struct get_file_details {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/files/{asset_id}/details";
  using params = apidecl::params<ondemand::params::asset_id>;
  using responses = apidecl::responses<on<200, file, xml>, on<401, error, xml>, on<404, error, xml>,
                                       too_many_requests>;
};

/// Get File Translation: `GET /api/files/{asset_id}/{language}` answers the translated file's
/// bytes (streamed to the call's sink if it gives one, as get_file's); 404 until the
/// translation exists.
struct get_file_translation {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/files/{asset_id}/{language}";
  using params = apidecl::params<ondemand::params::asset_id, ondemand::params::language>;
  using responses = apidecl::responses<on<200, std::string, octet_stream>, on<401, error, xml>, on<404, error, xml>,
                                       too_many_requests>;
};
}  // namespace endpoints

inline constexpr endpoints::add_file add_file{};
inline constexpr endpoints::add_file_by_reference add_file_by_reference{};
inline constexpr endpoints::list_files list_files{};
inline constexpr endpoints::get_file get_file{};
inline constexpr endpoints::get_file_details get_file_details{};
inline constexpr endpoints::get_file_translation get_file_translation{};

}  // namespace apidecl::ondemand::v2015

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
