// What the AsyncTransport compile-fail tests do with the transport they declare: start a call
// through a client, which is where the requirement is checked.
#ifndef APIDECL_TESTS_COMPILE_FAIL_START_A_CALL_HPP
#define APIDECL_TESTS_COMPILE_FAIL_START_A_CALL_HPP

#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/serializer/boost_json.hpp>

template <class AsyncTransport>
int start_a_call(AsyncTransport& http) {
  namespace c24 = apidecl::cielo24;
  auto api = apidecl::make_client(http, apidecl::boost_json_serializer{});
  auto pending = api.start(c24::authorize_job, c24::api_token = "7ca5", c24::job_id = "64be");
  return pending.ready() ? 0 : 1;
}

#endif
