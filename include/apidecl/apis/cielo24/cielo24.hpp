#ifndef APIDECL_APIS_CIELO24_CIELO24_HPP
#define APIDECL_APIS_CIELO24_CIELO24_HPP

/// cielo24 API v1 (https://api.cielo24.com, sandbox https://sandbox.cielo24.com): the endpoints
/// shipped so far. The bodies are JSON: pair a client with a JSON serializer.
#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/apis/cielo24/task.hpp>
#include <apidecl/apis/cielo24/token_auth.hpp>

#endif
