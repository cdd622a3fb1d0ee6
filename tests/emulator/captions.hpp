// The transcript every completed job has, and the caption files made from it in each format
// get_caption names.
#ifndef APIDECL_EMULATOR_CAPTIONS_HPP
#define APIDECL_EMULATOR_CAPTIONS_HPP

#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// A caption file: its text and the media type it is served with.
struct caption_file {
  std::string text;
  std::string_view media_type;
};

/// The transcript as plain text, one sentence a line.
std::string transcript_text();

/// The caption file in `format` (SRT, WEB_VTT, DFXP, QT, SAMI, SBV, SCC, TPM, TWX, ECHO,
/// TRANSCRIPT), or nothing for another name.
std::optional<caption_file> caption_in(std::string_view format);

/// The ElementList of the transcript (output_formats/formats.rst): version, times in milliseconds,
/// language, and one segment per sentence with its words.
std::string element_list_json();

/// The transcript's length in seconds, which job info reports as MediaLengthSeconds.
double media_length_seconds();

}  // namespace emulator

#endif
