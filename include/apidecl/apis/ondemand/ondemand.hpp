#ifndef APIDECL_APIS_ONDEMAND_ONDEMAND_HPP
#define APIDECL_APIS_ONDEMAND_ONDEMAND_HPP

/// Lionbridge onDemand (the Content API): API version 2014-02-28's Authorize Quote (the seed,
/// `ondemand::authorize_quote`), every documented endpoint of 2015-02-23 (`ondemand::v2015`) and
/// of 2016-03-15 (`ondemand::v2016`); versions.hpp says how a client picks one. The bodies are
/// XML: pair a client with an XML serializer (and octet_serializer for file contents). Requests
/// are signed by the Auth policy `ondemand::signer` (signer.hpp: LOD1-BASE64-SHA256 over a Sha256
/// provider of your choosing). The catalog is listed in docs/apis.md.
#include <apidecl/apis/ondemand/account.hpp>
#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/files.hpp>
#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/product.hpp>
#include <apidecl/apis/ondemand/products.hpp>
#include <apidecl/apis/ondemand/projects.hpp>
#include <apidecl/apis/ondemand/quote.hpp>
#include <apidecl/apis/ondemand/quote_authorization.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/apis/ondemand/quoted_amount.hpp>
#include <apidecl/apis/ondemand/quotes.hpp>
#include <apidecl/apis/ondemand/rate_limit.hpp>
#include <apidecl/apis/ondemand/services.hpp>
#include <apidecl/apis/ondemand/signer.hpp>
#include <apidecl/apis/ondemand/v2016.hpp>
#include <apidecl/apis/ondemand/versions.hpp>

#endif
