// Every callable of a visitor returns the same type, the type visit returns: one that returns
// another does not compile, and the error names the case it handles.
// expect: visitor_returns_different_types
// expect: status<400
// expect: apidecl: every callable of a visitor must return the same type
#include <apidecl/apis/cielo24/cielo24.hpp>
#include <apidecl/core/decode.hpp>
#include <apidecl/serializer/boost_json.hpp>

#include <string>

namespace c24 = apidecl::cielo24;

int main() {
  apidecl::response const answer{204, apidecl::header_list(), {}};
  auto const r = apidecl::decode(c24::authorize_job, answer, apidecl::serializer_set{apidecl::boost_json_serializer{}});
  return r.visit(apidecl::overload{
      [](apidecl::no_content) { return 0; },
#ifdef APIDECL_TWIN
      [](c24::error const& e) { return static_cast<int>(e.comment.size()); },
#else
      [](c24::error const& e) { return e.comment; },
#endif
      [](apidecl::unexpected_status const&) { return 2; },
      [](apidecl::failure const&) { return 3; }});
}
