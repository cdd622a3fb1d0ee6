#ifndef APIDECL_APIS_CIELO24_PARAMS_HPP
#define APIDECL_APIS_CIELO24_PARAMS_HPP

#include <apidecl/apis/cielo24/enums.hpp>
#include <apidecl/core/constraint.hpp>
#include <apidecl/core/param.hpp>
#include <apidecl/types/comma_list.hpp>
#include <apidecl/types/enum_param.hpp>

#include <string_view>

/// Parameters of cielo24 API v1 endpoints, and the keywords callers name them with. A parameter
/// several endpoints share is declared once; one endpoint's own parameters are declared here too,
/// so that every keyword has one meaning across the catalog.
namespace apidecl::cielo24 {

/// A Constraint (constraint.hpp): the text is a JSON object, as perform_transcription's `options`
/// must be (job_control/perform_transcription.rst). Only the braces are checked: the text comes
/// from a JSON serializer (encoded_text.hpp), and the service parses the rest.
struct json_object {
  static constexpr std::string_view violation(std::string_view text) noexcept {
    if (text.size() < 2 || text.front() != '{' || text.back() != '}') return "is not a JSON object";
    return {};
  }
};

namespace params {
/// The API version; always 1.
struct v : query<std::string_view, fixed> {
  static constexpr std::string_view name = "v";
  static constexpr std::string_view value = "1";
};
/// The session or long-term key returned by login: a hex string.
struct api_token : query<std::string_view, hex, secret> {
  static constexpr std::string_view name = "api_token";
};
/// A job's ID: a hex string.
struct job_id : query<std::string_view, hex> {
  static constexpr std::string_view name = "job_id";
};

// Accounts.
struct username : query<std::string_view> { static constexpr std::string_view name = "username"; };
struct optional_username : query<std::string_view, optional> { static constexpr std::string_view name = "username"; };
struct password : query<std::string_view, optional, secret> { static constexpr std::string_view name = "password"; };
/// The long-term key login accepts instead of a password (not `api_securekey`, see remove_api_key).
struct securekey : query<std::string_view, optional, hex, secret> { static constexpr std::string_view name = "securekey"; };
struct api_securekey : query<std::string_view, hex, secret> { static constexpr std::string_view name = "api_securekey"; };
struct setting : query<std::string_view> { static constexpr std::string_view name = "setting"; };
struct value : query<std::string_view> { static constexpr std::string_view name = "value"; };
struct account_id : query<std::string_view, optional> { static constexpr std::string_view name = "account_id"; };
struct force_new : query<bool, optional> { static constexpr std::string_view name = "force_new"; };
struct new_username : query<std::string_view> { static constexpr std::string_view name = "new_username"; };
struct new_password : query<std::string_view, secret> { static constexpr std::string_view name = "new_password"; };

// Jobs.
struct job_name : query<std::string_view, optional> { static constexpr std::string_view name = "job_name"; };
/// The media's language; cielo24 assumes `en` when it is left out.
struct language : query<std::string_view, optional> { static constexpr std::string_view name = "language"; };
struct external_id : query<std::string_view, optional> { static constexpr std::string_view name = "external_id"; };
struct is_duplicate : query<bool, optional> { static constexpr std::string_view name = "is_duplicate"; };
struct requestor : query<std::string_view, optional> { static constexpr std::string_view name = "requestor"; };
struct reference : query<std::string_view, optional> { static constexpr std::string_view name = "reference"; };
struct expected_speakers : query<int, optional> { static constexpr std::string_view name = "expected_speakers"; };
struct transcription_fidelity : query<std::string_view, enum_value<job_fidelity>> {
  static constexpr std::string_view name = "transcription_fidelity";
};
struct optional_fidelity : query<std::string_view, optional, enum_value<job_fidelity>> {
  static constexpr std::string_view name = "transcription_fidelity";
};
struct priority : query<std::string_view, enum_value<job_priority>> { static constexpr std::string_view name = "priority"; };
struct optional_priority : query<std::string_view, optional, enum_value<job_priority>> {
  static constexpr std::string_view name = "priority";
};
struct turnaround_hours : query<int, optional> { static constexpr std::string_view name = "turnaround_hours"; };
struct callback_url : query<std::string_view, optional> { static constexpr std::string_view name = "callback_url"; };
struct notes : query<std::string_view, optional> { static constexpr std::string_view name = "notes"; };
struct media_url : query<std::string_view> { static constexpr std::string_view name = "media_url"; };
struct transcript_format : query<std::string_view, enum_value<transcript_file_format>> {
  static constexpr std::string_view name = "format";
};
struct transcript_url : query<std::string_view> { static constexpr std::string_view name = "transcript_url"; };
struct guidelines_url : query<std::string_view> { static constexpr std::string_view name = "guidelines_url"; };
struct is_html : query<bool, optional> { static constexpr std::string_view name = "is_html"; };
/// Languages to translate into, `fr,de` (comma_list.hpp).
struct target_language : query<std::string_view, optional, comma_separated<>> {
  static constexpr std::string_view name = "target_language";
};
struct target_languages : query<std::string_view, comma_separated<>> { static constexpr std::string_view name = "target_languages"; };
/// A JSON object in the query (encoded_text.hpp): an encoding that failed is empty, and refused,
/// as is a text that is not an object (the page documents a JSON string).
struct options : query<std::string_view, optional, json_object, length<2, 65536>> { static constexpr std::string_view name = "options"; };
struct standard_product : query<std::string_view, optional> { static constexpr std::string_view name = "standard_product"; };
struct approve_uplevel : query<bool, optional> { static constexpr std::string_view name = "approve_uplevel"; };
struct speaker_id : query<bool, optional> { static constexpr std::string_view name = "speaker_id"; };
struct send_to_email : query<std::string_view, optional> { static constexpr std::string_view name = "send_to_email"; };
struct caption_format : query<std::string_view, enum_value<caption_file_format>> {
  static constexpr std::string_view name = "caption_format";
};
/// get_caption_url's: always true, so the answer is a URL rather than the file.
struct build_url : query<std::string_view, fixed> {
  static constexpr std::string_view name = "build_url";
  static constexpr std::string_view value = "true";
};
struct elementlist_version : query<std::string_view, optional> { static constexpr std::string_view name = "elementlist_version"; };
struct iwp_name : query<std::string_view, optional> { static constexpr std::string_view name = "iwp_name"; };
struct transcoded_version : query<std::string_view> { static constexpr std::string_view name = "transcoded_version"; };
struct media_type : query<std::string_view, enum_value<media_file_format>> { static constexpr std::string_view name = "media_type"; };
struct metrics : query<std::string_view, optional, comma_separated<>> { static constexpr std::string_view name = "metrics"; };
struct group_by : query<std::string_view, optional> { static constexpr std::string_view name = "group_by"; };
struct start_date : query<std::string_view, optional> { static constexpr std::string_view name = "start_date"; };
struct end_date : query<std::string_view, optional> { static constexpr std::string_view name = "end_date"; };
}  // namespace params

inline constexpr keyword<params::api_token> api_token{};
inline constexpr keyword<params::job_id> job_id{};

inline constexpr keyword<params::username> username{};
inline constexpr keyword<params::optional_username> sub_account{};
inline constexpr keyword<params::password> password{};
inline constexpr keyword<params::securekey> securekey{};
inline constexpr keyword<params::api_securekey> api_securekey{};
inline constexpr keyword<params::setting> setting{};
inline constexpr keyword<params::value> value{};
inline constexpr keyword<params::account_id> account_id{};
inline constexpr keyword<params::force_new> force_new{};
inline constexpr keyword<params::new_username> new_username{};
inline constexpr keyword<params::new_password> new_password{};

inline constexpr keyword<params::job_name> job_name{};
inline constexpr keyword<params::language> language{};
inline constexpr keyword<params::external_id> external_id{};
inline constexpr keyword<params::is_duplicate> is_duplicate{};
inline constexpr keyword<params::requestor> requestor{};
inline constexpr keyword<params::reference> reference{};
inline constexpr keyword<params::expected_speakers> expected_speakers{};
inline constexpr enum_keyword<params::transcription_fidelity, job_fidelity> transcription_fidelity{};
inline constexpr enum_keyword<params::optional_fidelity, job_fidelity> new_fidelity{};
inline constexpr enum_keyword<params::priority, job_priority> priority{};
inline constexpr enum_keyword<params::optional_priority, job_priority> new_priority{};
inline constexpr keyword<params::turnaround_hours> turnaround_hours{};
inline constexpr keyword<params::callback_url> callback_url{};
inline constexpr keyword<params::notes> notes{};
inline constexpr keyword<params::media_url> media_url{};
inline constexpr enum_keyword<params::transcript_format, transcript_file_format> transcript_format{};
inline constexpr keyword<params::transcript_url> transcript_url{};
inline constexpr keyword<params::guidelines_url> guidelines_url{};
inline constexpr keyword<params::is_html> is_html{};
inline constexpr keyword<params::target_language> target_language{};
inline constexpr keyword<params::target_languages> target_languages{};
inline constexpr keyword<params::options> options{};
inline constexpr keyword<params::standard_product> standard_product{};
inline constexpr keyword<params::approve_uplevel> approve_uplevel{};
inline constexpr keyword<params::speaker_id> speaker_id{};
inline constexpr keyword<params::send_to_email> send_to_email{};
inline constexpr enum_keyword<params::caption_format, caption_file_format> caption_format{};
inline constexpr keyword<params::elementlist_version> elementlist_version{};
inline constexpr keyword<params::iwp_name> iwp_name{};
inline constexpr keyword<params::transcoded_version> transcoded_version{};
inline constexpr enum_keyword<params::media_type, media_file_format> media_type{};
inline constexpr keyword<params::metrics> metrics{};
inline constexpr keyword<params::group_by> group_by{};
inline constexpr keyword<params::start_date> start_date{};
inline constexpr keyword<params::end_date> end_date{};

}  // namespace apidecl::cielo24

#endif
