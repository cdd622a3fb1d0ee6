#ifndef APIDECL_APIS_ONDEMAND_PROJECTS_HPP
#define APIDECL_APIS_ONDEMAND_PROJECTS_HPP

#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/apis/ondemand/quotes.hpp>
#include <apidecl/core/endpoint.hpp>
#include <apidecl/serializer/fields.hpp>
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

/// Projects (add_project.rst, list_projects.rst, get_project.rst), API version 2015-02-23. A
/// project is what a quote's Projects/Project becomes once authorized: the same service,
/// languages and products or files, plus where it stands and when it is due.
namespace apidecl::ondemand::v2015 {

/// A project as Get and List Projects describe it. Only the ID is required: a list may
/// summarize a project, so everything else is read when present.
struct project {
  ids::project project_id;
  std::optional<std::string> project_name;
  std::optional<std::string> status;
  std::optional<std::string> project_url;
  std::optional<ids::service> service_id;
  std::optional<language_code> source_language;
  std::optional<std::vector<language_code>> target_languages;
  std::optional<utc_timestamp> creation_date;
  std::optional<utc_timestamp> due_date;
  std::optional<std::vector<product>> products;
  std::optional<std::vector<file_ref>> files;
  static constexpr std::string_view xml_element = "Project";
  static constexpr wire_name wire_names[] = {{"project_id", "ProjectID"},
                                             {"project_name", "ProjectName"},
                                             {"status", "Status"},
                                             {"project_url", "ProjectURL"},
                                             {"service_id", "ServiceID"},
                                             {"source_language", "SourceLanguage/LanguageCode"},
                                             {"target_languages", "TargetLanguages/TargetLanguage/LanguageCode"},
                                             {"creation_date", "CreationDate"},
                                             {"due_date", "DueDate"},
                                             {"products", "Products/Product"},
                                             {"files", "Files/File"}};
};
BOOST_DESCRIBE_STRUCT(project, (), (project_id, project_name, status, project_url, service_id, source_language,
                                    target_languages, creation_date, due_date, products, files))

/// Add Project's body: a quote's project, without its ID (the service gives it).
struct new_project {
  std::optional<std::string> project_name;
  ids::service service_id;
  language_code source_language;
  std::vector<language_code> target_languages;
  std::optional<std::vector<product>> products;
  std::optional<std::vector<file_ref>> files;
  static constexpr std::string_view xml_element = "Project";
  static constexpr wire_name wire_names[] = {{"project_name", "ProjectName"},
                                             {"service_id", "ServiceID"},
                                             {"source_language", "SourceLanguage/LanguageCode"},
                                             {"target_languages", "TargetLanguages/TargetLanguage/LanguageCode"},
                                             {"products", "Products/Product"},
                                             {"files", "Files/File"}};
};
BOOST_DESCRIBE_STRUCT(new_project, (), (project_name, service_id, source_language, target_languages, products, files))

/// List Projects' answer: `<Projects><Project/>...</Projects>`.
struct project_list {
  std::vector<project> projects;
  static constexpr std::string_view xml_element = "Projects";
  static constexpr wire_name wire_names[] = {{"projects", "Project"}};
};
BOOST_DESCRIBE_STRUCT(project_list, (), (projects))

namespace endpoints {
/// Add Project: `POST /api/projects/add` answers 201 with the project. Project creation has
/// its own limit, 2 a minute (rate_limit.hpp). Not idempotent.
struct add_project {
  static constexpr apidecl::method method = apidecl::method::post;
  static constexpr std::string_view path = "/api/projects/add";
  using params = apidecl::params<>;
  using body = apidecl::request_body<new_project, xml>;
  using responses = apidecl::responses<on<201, project, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// List Projects: `GET /api/projects`.
struct list_projects {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/projects";
  using params = apidecl::params<>;
  using responses = apidecl::responses<on<200, project_list, xml>, on<400, error, xml>, on<401, error, xml>,
                                       too_many_requests>;
};

/// Get Project: `GET /api/projects/{project_id}`; 404 when it is not the caller's.
struct get_project {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/api/projects/{project_id}";
  using params = apidecl::params<ondemand::params::project_id>;
  using responses = apidecl::responses<on<200, project, xml>, on<400, error, xml>, on<401, error, xml>,
                                       on<404, error, xml>, too_many_requests>;
};
}  // namespace endpoints

inline constexpr endpoints::add_project add_project{};
inline constexpr endpoints::list_projects list_projects{};
inline constexpr endpoints::get_project get_project{};

}  // namespace apidecl::ondemand::v2015

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
