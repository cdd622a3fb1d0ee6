#ifndef APIDECL_SERIALIZER_TEXT_HPP
#define APIDECL_SERIALIZER_TEXT_HPP

#include <apidecl/core/writer.hpp>
#include <apidecl/serializer/codec_result.hpp>

#include <string>
#include <string_view>

/// Bodies taken as they are: a transcript, a caption file (SRT, WebVTT, DFXP...), a media file.
/// The body is the bytes of a `std::string`, both ways; nothing is parsed, so decoding never fails.
///
///     using responses = apidecl::responses<apidecl::on<200, std::string, apidecl::plain_text>, ...>;
///     auto api = apidecl::make_client(http, apidecl::serializer_set{apidecl::boost_json_serializer{},
///                                                                   apidecl::text_serializer{}});
///
/// A descriptor names one media type per status, and the serializer decodes whatever arrives
/// under it (the Content-Type received is not compared): an endpoint that answers SRT or WebVTT
/// by argument declares `plain_text`. The whole body is held in memory; a body too large for
/// that needs a streamed body, which the library does not offer yet.
namespace apidecl {

/// `text/plain`: transcripts and caption files.
struct plain_text {
  static constexpr std::string_view name = "text/plain";
};

/// `application/octet-stream`: any bytes, such as a media file.
struct octet_stream {
  static constexpr std::string_view name = "application/octet-stream";
};

/// Any bytes, sent with no Content-Type at all: for a service whose documentation says to send
/// none (cielo24's Add Media with the file in the body). An empty name is what leaves the header
/// field out of the request.
struct unlabeled_bytes {
  static constexpr std::string_view name = "";
};

/// A Serializer (serializer.hpp) for `Media` that copies bodies to and from a `std::string`.
template <class Media>
struct basic_text_serializer {
  using media_type = Media;

  encode_result encode(std::string const& value, writer& out) const noexcept {
    out.append(value);
    return {};
  }
  decode_result decode(std::string_view text, std::string& target) const {
    target.assign(text.data(), text.size());
    return {};
  }
};

/// Bodies in `text/plain`.
using text_serializer = basic_text_serializer<plain_text>;
/// Bodies in `application/octet-stream`.
using octet_serializer = basic_text_serializer<octet_stream>;
/// Bodies sent with no Content-Type.
using unlabeled_serializer = basic_text_serializer<unlabeled_bytes>;

}  // namespace apidecl

#endif
