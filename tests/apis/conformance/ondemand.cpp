// Every onDemand descriptor, of each API version, against the conformance table written from the
// reference notes (ondemand.table). A difference is reported by endpoint and field.
#include <catch2/catch.hpp>

#include "catalog_objects.hpp"
#include "descriptor_row.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {
namespace od = apidecl::ondemand;
namespace e = od::v2015::endpoints;
namespace e2016 = od::v2016::endpoints;

// Every descriptor of 2015-02-23 and the three 2016-03-15 adds (v2016 is v2015 plus these).
using catalog = apidecl::openapi::endpoint_list<
    e::create_account, e::get_account_info, e::add_credit_balance, e::generate_quote, e::authorize_quote, e::get_quote,
    e::list_quotes, e::reject_quote, e::add_project, e::list_projects, e::get_project, e::add_file,
    e::add_file_by_reference, e::list_files, e::get_file, e::get_file_details, e::get_file_translation,
    e::list_products, e::get_product, e::get_product_translation, e::list_services, e::get_service, e::get_estimate,
    e::list_locales, e::get_terms, e2016::request_quote_cancellation, e2016::accept_file_translation,
    e2016::reject_file_translation>;

std::vector<conformance::endpoint_row> catalog_rows() {
  std::vector<conformance::endpoint_row> rows = conformance::rows_of(catalog{});
  conformance::endpoint_row v2014 = conformance::row_of<od::endpoints::authorize_quote>();
  v2014.name = "v2014.authorize_quote";  // the table's name: two versions declare authorize_quote
  rows.push_back(v2014);
  return rows;
}

std::string joined(std::vector<std::string> const& lines) {
  std::string out;
  for (std::string const& line : lines) out += line + '\n';
  return out;
}
}  // namespace

TEST_CASE("every onDemand descriptor is what the reference notes document", "[ondemand][conformance]") {
  conformance::table const documented = conformance::read_table_file("ondemand.table");
  std::vector<conformance::endpoint_row> const declared = catalog_rows();
  CHECK(documented.rows.size() == 29);
  CHECK(declared.size() == 29);
  std::vector<std::string> const found = conformance::compare(documented, declared);
  INFO(joined(found));
  CHECK(found.empty());
}

TEST_CASE("the list of descriptors checked is every endpoint the onDemand headers declare", "[ondemand][conformance]") {
  std::vector<std::string> checked;
  for (conformance::endpoint_row const& row : catalog_rows())
    checked.push_back(row.name.substr(row.name.rfind('.') + 1));  // v2014.authorize_quote is an authorize_quote
  std::sort(checked.begin(), checked.end());
  checked.erase(std::unique(checked.begin(), checked.end()), checked.end());
  CHECK(conformance::endpoint_objects("ondemand") == checked);
}

TEST_CASE("a partial status list still requires each status it lists", "[ondemand][conformance]") {
  conformance::table const documented = conformance::read_table_file("ondemand.table");
  REQUIRE(documented.problems.empty());  // the table was read whole
  std::vector<conformance::endpoint_row> declared = catalog_rows();
  for (conformance::endpoint_row& row : declared) {
    if (row.name == "get_file") row.statuses.erase(row.statuses.begin() + 1);  // 206
    if (row.name == "get_project") row.params[0].type = "string";
    if (row.name == "add_file") row.body = "xml";
    if (row.name == "reject_quote") row.statuses.push_back({"404", "xml"});  // a full list: an extra is reported
  }
  CHECK(conformance::compare(documented, declared) ==
        std::vector<std::string>{
            "reject_quote: status 404: the table says nothing, the descriptor xml",
            "get_project: parameter project_id: the table says path required int, the descriptor path required string",
            "add_file: request body: the table says bytes, the descriptor xml",
            "get_file: status 206: the table says bytes, the descriptor nothing"});
}

TEST_CASE("a statuses line other than `statuses partial` is a problem", "[conformance]") {
  conformance::table const read = conformance::read_table("x GET /x\n  statuses all\n  statuses partial\n");
  REQUIRE(read.rows.size() == 1);
  CHECK(read.rows[0].statuses_partial);
  CHECK(read.problems == std::vector<std::string>{"line 2: a statuses line is `statuses partial`: statuses all"});
}
