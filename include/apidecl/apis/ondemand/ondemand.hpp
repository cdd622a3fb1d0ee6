#ifndef APIDECL_APIS_ONDEMAND_ONDEMAND_HPP
#define APIDECL_APIS_ONDEMAND_ONDEMAND_HPP

/// Lionbridge onDemand (the Content API, version 2014-02-28): the endpoints shipped so far. The
/// bodies are XML: pair a client with an XML serializer. Requests are signed by the Auth policy
/// `ondemand::signer` (signer.hpp: LOD1-BASE64-SHA256 over a Sha256 provider of your choosing).
#include <apidecl/apis/ondemand/error.hpp>
#include <apidecl/apis/ondemand/ids.hpp>
#include <apidecl/apis/ondemand/params.hpp>
#include <apidecl/apis/ondemand/product.hpp>
#include <apidecl/apis/ondemand/quote.hpp>
#include <apidecl/apis/ondemand/quote_authorization.hpp>
#include <apidecl/apis/ondemand/quote_authorize.hpp>
#include <apidecl/apis/ondemand/signer.hpp>

#endif
