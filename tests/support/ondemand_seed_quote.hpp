// The onDemand seed's request example as apidecl's quote, made in code as an application would
// make it: what the tests and the benchmarks send to Authorize Quote.
#ifndef APIDECL_TESTS_SUPPORT_ONDEMAND_SEED_QUOTE_HPP
#define APIDECL_TESTS_SUPPORT_ONDEMAND_SEED_QUOTE_HPP

#include <apidecl/apis/ondemand/quote.hpp>
#include <apidecl/types/text_value.hpp>

namespace ondemand_seed {

inline apidecl::ondemand::quote request_example_quote() {
  namespace lod = apidecl::ondemand;
  lod::quote q;
  q.quote_id = lod::ids::quote("795");
  q.creation_date = *apidecl::utc_timestamp::from_unix_time(1403714347);  // 2014-06-25T16:39:07Z
  q.service_id = lod::ids::service(112);
  q.source_language = *apidecl::from_text<apidecl::language_code>("en-gb");
  q.target_languages = {*apidecl::from_text<apidecl::language_code>("fr-fr"),
                        *apidecl::from_text<apidecl::language_code>("it-it")};
  q.total_translations = 2;
  q.translation_credit = 49984;
  q.total_cost = apidecl::decimal(0, 2);
  q.prepaid_credit = apidecl::decimal(11899, 2);
  q.amount_due = apidecl::decimal(0, 2);
  q.currency = apidecl::currency::eur;
  return q;
}

}  // namespace ondemand_seed

#endif
