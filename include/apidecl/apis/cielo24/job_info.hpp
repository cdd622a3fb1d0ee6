#ifndef APIDECL_APIS_CIELO24_JOB_INFO_HPP
#define APIDECL_APIS_CIELO24_JOB_INFO_HPP

#include <apidecl/apis/cielo24/enums.hpp>
#include <apidecl/serializer/fields.hpp>
#include <apidecl/types/open_enum.hpp>

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field, in a header
// every cielo24 user includes.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

/// The Job Info and Job List bodies (output_formats/formats.rst). Only JobId is always there:
/// job/list leaves out what job/info gives, so every other field is optional. The dates stay
/// text: they are ISO 8601 without an offset, in the service's local time (the Ruby SDK reads
/// them as America/Los_Angeles), which no UTC timestamp can hold honestly. `Options` and
/// `ReturnTargets` are objects whose keys the reference does not fix; they are not read.
namespace apidecl::cielo24 {

/// One job.
struct job_info {
  std::string job_id;
  std::optional<std::string> job_name;
  std::optional<double> media_length_seconds;
  std::optional<std::string> external_id;
  std::optional<open_enum<job_priority>> priority;
  std::optional<open_enum<job_fidelity>> fidelity;
  std::optional<open_enum<job_status>> status;
  std::optional<std::string> source_language;
  std::optional<std::string> target_language;
  std::optional<std::string> creation_date;
  std::optional<std::string> start_date;
  std::optional<std::string> due_date;
  std::optional<std::string> completed_date;
  std::optional<std::string> return_date;
  std::optional<std::string> authorization_date;
  std::optional<open_enum<job_difficulty>> difficulty;
  static constexpr wire_name wire_names[] = {
      {"job_id", "JobId"},
      {"job_name", "JobName"},
      {"media_length_seconds", "MediaLengthSeconds"},
      {"external_id", "ExternalID"},
      {"priority", "Priority"},
      {"fidelity", "Fidelity"},
      {"status", "JobStatus"},
      {"source_language", "SourceLanguage"},
      {"target_language", "TargetLanguage"},
      {"creation_date", "CreationDate"},
      {"start_date", "StartDate"},
      {"due_date", "DueDate"},
      {"completed_date", "CompletedDate"},
      {"return_date", "ReturnDate"},
      {"authorization_date", "AuthorizationDate"},
      {"difficulty", "JobDifficulty"},
  };
};
BOOST_DESCRIBE_STRUCT(job_info, (), (job_id, job_name, media_length_seconds, external_id, priority, fidelity,
    status, source_language, target_language, creation_date, start_date, due_date, completed_date, return_date,
    authorization_date, difficulty))

/// The jobs of an account: `{"Username": "...", "ActiveJobs": [job...]}`.
struct job_list {
  std::optional<std::string> username;
  std::vector<job_info> active_jobs;
  static constexpr wire_name wire_names[] = {{"username", "Username"}, {"active_jobs", "ActiveJobs"}};
};
BOOST_DESCRIBE_STRUCT(job_list, (), (username, active_jobs))

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
