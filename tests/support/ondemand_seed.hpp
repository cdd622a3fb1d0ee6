// The examples of the onDemand Authorize Quote seed (ondemand-quote-authorize.rst), shared by the
// tests that encode and decode them.
#ifndef APIDECL_TESTS_SUPPORT_ONDEMAND_SEED_HPP
#define APIDECL_TESTS_SUPPORT_ONDEMAND_SEED_HPP

#include <string_view>

namespace ondemand_seed {

constexpr std::string_view request_example = R"(
    <Quote>
        <QuoteID>795</QuoteID>
        <CreationDate>2014-06-25T16:39:07Z</CreationDate>
        <ServiceID>112</ServiceID>
        <SourceLanguage>
            <LanguageCode>en-gb</LanguageCode>
        </SourceLanguage>
        <TargetLanguages>
            <TargetLanguage>
                <LanguageCode>fr-fr</LanguageCode>
            </TargetLanguage>
            <TargetLanguage>
                <LanguageCode>it-it</LanguageCode>
            </TargetLanguage>
        </TargetLanguages>
        <TotalTranslations>2</TotalTranslations>
        <TranslationCredit>49984</TranslationCredit>
        <TotalCost>0.00</TotalCost>
        <PrepaidCredit>118.99</PrepaidCredit>
        <AmountDue>0.00</AmountDue>
        <Currency>EUR</Currency>
    </Quote>
)";

constexpr std::string_view no_payment_required = R"(
    <QuoteAuthorization>
        <Status>Authorized</Status>
        <QuoteURL>https://</QuoteURL>
        <Projects>
            <Project>
                <ProjectID>123</ProjectID>
                <ProjectURL>https://</ProjectURL>
                <ProjectDueDate>2014-02-11T10:22:46Z</ProjectDueDate>
                <Products>
                    <Product>
                        <AssetID>999</AssetID>
                        <SKUs>
                            <SKU>
                                <SKUNumber>123</SKUNumber>
                            </SKU>
                        </SKUs>
                    </Product>
                </Products>
            </Project>
        </Projects>
    </QuoteAuthorization>
)";

constexpr std::string_view payment_required = R"(
    <QuoteAuthorization>
        <Status>Pending</Status>
        <PaymentURL>https://</PaymentURL>
        <QuoteURL>https://</QuoteURL>
        <Projects>
            <Project>
                <ProjectID>123</ProjectID>
                <ProjectURL>https://</ProjectURL>
                <ProjectDueDate>2014-02-11T10:22:46Z</ProjectDueDate>
                <Products>
                    <Product>
                    <AssetID>999</AssetID>
                    <SKUs>
                        <SKU>
                            <SKUNumber>123</SKUNumber>
                        </SKU>
                    </SKUs>
                    </Product>
                </Products>
            </Project>
        </Projects>
    </QuoteAuthorization>
)";

}  // namespace ondemand_seed

#endif
