#ifndef APIDECL_APIS_CIELO24_CIELO24_HPP
#define APIDECL_APIS_CIELO24_CIELO24_HPP

/// cielo24 API v1 (https://api.cielo24.com, sandbox https://sandbox.cielo24.com): the 31
/// documented endpoints (7 account, 24 job), and two second shapes of documented paths
/// (add_media_file, get_caption_url). Most bodies are JSON; transcripts and captions are text and
/// downloaded media bytes (serializer/text.hpp). The catalog is listed in docs/cielo24.md.
#include <apidecl/apis/cielo24/account.hpp>
#include <apidecl/apis/cielo24/enums.hpp>
#include <apidecl/apis/cielo24/error.hpp>
#include <apidecl/apis/cielo24/job_authorize.hpp>
#include <apidecl/apis/cielo24/job_delete.hpp>
#include <apidecl/apis/cielo24/job_info.hpp>
#include <apidecl/apis/cielo24/job_lifecycle.hpp>
#include <apidecl/apis/cielo24/job_media.hpp>
#include <apidecl/apis/cielo24/job_output.hpp>
#include <apidecl/apis/cielo24/job_processing.hpp>
#include <apidecl/apis/cielo24/params.hpp>
#include <apidecl/apis/cielo24/session.hpp>
#include <apidecl/apis/cielo24/task.hpp>
#include <apidecl/apis/cielo24/token_auth.hpp>

#endif
