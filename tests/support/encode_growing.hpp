// Encodes a value into a string that grows to the size the writer counted, for the serializer
// tests and the fuzz targets alike: each then checks the outcome its own way.
#ifndef APIDECL_TESTS_SUPPORT_ENCODE_GROWING_HPP
#define APIDECL_TESTS_SUPPORT_ENCODE_GROWING_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/codec_result.hpp>

#include <string>
#include <utility>

namespace test_support {

struct encoding {
  apidecl::encode_result status;
  std::string text;       // what was written, if `status` says it was
  bool overflowed_again;  // the size the writer counted did not fit the second time: a writer bug
};

template <class Serializer, class T>
encoding encode_growing(Serializer const& serializer, T const& value) {
  std::string out(4096, '\0');
  apidecl::writer w(out.data(), out.size());
  apidecl::encode_result status = serializer.encode(value, w);
  if (status && w.overflowed()) {  // the writer counted what was needed: encode again into that
    out.assign(w.size(), '\0');
    apidecl::writer again(out.data(), out.size());
    status = serializer.encode(value, again);
    w = again;
  }
  out.resize(status && !w.overflowed() ? w.size() : 0);
  return {status, std::move(out), status && w.overflowed()};
}

}  // namespace test_support

#endif
