// Writes the OpenAPI documents of the shipped catalogs, cielo24 and onDemand, made by
// apidecl::openapi::document from their descriptors, to <directory>/cielo24.json and
// <directory>/ondemand.json, for openapi_check to validate.
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/openapi/document.hpp>

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
  namespace od = apidecl::ondemand::endpoints;
  bool const ok =
      write(directory + "/cielo24.json",
            apidecl::openapi::document<c24::authorize_job, c24::delete_job>({"cielo24 API v1", "1"})) &&
      write(directory + "/ondemand.json",
            apidecl::openapi::document<od::authorize_quote>({"Lionbridge onDemand Content API", "2014-02-28"}));
  return ok ? 0 : 1;
}
