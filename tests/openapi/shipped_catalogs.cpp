// Writes the OpenAPI documents of the shipped catalogs, cielo24 and onDemand, made by
// apidecl::openapi::document from all their descriptors, to <directory>/cielo24.json and
// <directory>/ondemand.json, for openapi_check to validate.
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/openapi/document.hpp>
#include <apidecl/openapi/endpoint_list.hpp>

#include <cstdio>
#include <string>

namespace {

bool write(std::string const& path, std::string const& text) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return false;
  bool const written = !text.empty() && std::fwrite(text.data(), 1, text.size(), file) == text.size();
  return std::fclose(file) == 0 && written;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: openapi_shipped_catalogs <directory>\n");
    return 2;
  }
  std::string const directory = argv[1];
  namespace c24 = apidecl::cielo24::endpoints;
  namespace od = apidecl::ondemand::v2015::endpoints;
  namespace od16 = apidecl::ondemand::v2016::endpoints;
  // Every endpoint of each catalog (onDemand's latest version: 2015's and 2016's additions); those
  // that share a method and a path are one operation.
  using cielo24 = apidecl::openapi::endpoint_list<
      c24::login, c24::logout, c24::update_password, c24::update_setting, c24::generate_api_key,
      c24::remove_api_key, c24::create_account, c24::authorize_job, c24::delete_job, c24::create_job,
      c24::modify_job, c24::get_job_info, c24::list_jobs, c24::list_related_jobs, c24::add_media,
      c24::add_media_file, c24::add_media_url, c24::add_transcript, c24::add_custom_guidelines,
      c24::request_upload_url, c24::get_transcript, c24::get_caption, c24::get_caption_url, c24::get_element_list,
      c24::list_element_lists, c24::get_media, c24::get_transcoded_media, c24::download_media,
      c24::aggregate_statistics, c24::perform_transcription, c24::translate, c24::uplevel, c24::burn_in_caption>;
  using ondemand = apidecl::openapi::endpoint_list<
      od::create_account, od::get_account_info, od::add_credit_balance, od::add_file, od::add_file_by_reference,
      od::list_files, od::get_file, od::get_file_details, od::get_file_translation, od::list_products,
      od::get_product, od::get_product_translation, od::add_project, od::list_projects, od::get_project,
      od::authorize_quote, od::generate_quote, od::get_quote, od::list_quotes, od::reject_quote, od::list_services,
      od::get_service, od::get_estimate, od::list_locales, od::get_terms, od16::request_quote_cancellation,
      od16::accept_file_translation, od16::reject_file_translation>;
  bool const ok = write(directory + "/cielo24.json", apidecl::openapi::document(cielo24{}, {"cielo24 API v1", "1"})) &&
                  write(directory + "/ondemand.json",
                        apidecl::openapi::document(ondemand{}, {"Lionbridge onDemand Content API", "2016-03-15"}));
  return ok ? 0 : 1;
}
