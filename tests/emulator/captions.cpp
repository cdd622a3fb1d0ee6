#include "captions.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

namespace emulator {

namespace {

struct cue {
  int start_ms;
  int end_ms;
  std::string_view text;
};

constexpr std::array cues{
    cue{0, 2500, "Welcome to the apidecl emulator."},
    cue{2500, 6000, "Every caption here comes from one transcript."},
    cue{6000, 9000, "Thank you for listening."},
};

/// `h:mm:ss` with `separator` and milliseconds: SRT writes 00:00:02,500, WebVTT and DFXP 00:00:02.500.
std::string timestamp(int ms, char separator, int fraction_digits = 3) {
  char text[32];
  int const fraction = fraction_digits == 3 ? ms % 1000 : (ms % 1000) / 10;
  std::snprintf(text, sizeof text, "%02d:%02d:%02d%c%0*d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, separator,
                fraction_digits, fraction);
  return text;
}

/// SMPTE time code at 30 frames a second, as SCC writes it.
std::string frames(int ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d:%02d:%02d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                ms % 1000 * 30 / 1000);
  return text;
}

// Line 21 bytes of the text, two a word, without the parity bit real decoders also accept.
std::string scc_bytes(std::string_view text) {
  std::string hex;
  char pair[8];
  for (std::size_t i = 0; i < text.size(); i += 2) {
    unsigned const second = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0x80;
    std::snprintf(pair, sizeof pair, " %02x%02x", static_cast<unsigned char>(text[i]), second);
    hex += pair;
  }
  return hex;
}

std::string srt() {
  std::ostringstream out;
  int number = 1;
  for (const auto& c : cues) {
    out << number++ << '\n'
        << timestamp(c.start_ms, ',') << " --> " << timestamp(c.end_ms, ',') << '\n'
        << c.text << "\n\n";
  }
  return out.str();
}

std::string web_vtt() {
  std::ostringstream out;
  out << "WEBVTT\n\n";
  for (const auto& c : cues)
    out << timestamp(c.start_ms, '.') << " --> " << timestamp(c.end_ms, '.') << '\n' << c.text << "\n\n";
  return out.str();
}

std::string dfxp() {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\" xml:lang=\"en\">\n"
         "<body><div>\n";
  for (const auto& c : cues) {
    out << "<p begin=\"" << timestamp(c.start_ms, '.') << "\" end=\"" << timestamp(c.end_ms, '.') << "\">" << c.text
        << "</p>\n";
  }
  out << "</div></body>\n</tt>\n";
  return out.str();
}

std::string qt() {
  std::ostringstream out;
  out << "{QTtext}{font:Tahoma}{plain}{size:20}{timeScale:100}{width:640}{height:60}{timeStamps:absolute}\n";
  for (const auto& c : cues) out << '[' << timestamp(c.start_ms, '.', 2) << "]\n" << c.text << '\n';
  out << '[' << timestamp(cues.back().end_ms, '.', 2) << "]\n";
  return out.str();
}

std::string sami() {
  std::ostringstream out;
  out << "<SAMI>\n<HEAD><STYLE TYPE=\"text/css\"><!--\n.ENUSCC { Name: English; lang: en-US; "
         "}\n--></STYLE></HEAD>\n<BODY>\n";
  for (const auto& c : cues) out << "<SYNC Start=" << c.start_ms << "><P Class=ENUSCC>" << c.text << "</P></SYNC>\n";
  out << "</BODY>\n</SAMI>\n";
  return out.str();
}

std::string sbv() {
  std::ostringstream out;
  for (const auto& c : cues) {
    out << timestamp(c.start_ms, '.').substr(1) << ',' << timestamp(c.end_ms, '.').substr(1) << '\n'
        << c.text << "\n\n";
  }
  return out.str();
}

std::string scc() {
  std::ostringstream out;
  out << "Scenarist_SCC V1.0\n\n";
  for (const auto& c : cues) out << frames(c.start_ms) << "\t9420 9420" << scc_bytes(c.text) << " 942f 942f\n\n";
  return out.str();
}

/// TPM, TWX and ECHO: one cue a line, its times in seconds and its text, tab-separated.
std::string timed_lines() {
  std::ostringstream out;
  for (const auto& c : cues) out << c.start_ms / 1000.0 << '\t' << c.end_ms / 1000.0 << '\t' << c.text << '\n';
  return out.str();
}

}  // namespace

std::string transcript_text() {
  std::string text;
  for (const auto& c : cues) (text += c.text) += '\n';
  return text;
}

std::optional<caption_file> caption_in(std::string_view format) {
  if (format == "SRT") return caption_file{srt(), "application/x-subrip"};
  if (format == "WEB_VTT") return caption_file{web_vtt(), "text/vtt"};
  if (format == "DFXP") return caption_file{dfxp(), "application/ttml+xml"};
  if (format == "QT") return caption_file{qt(), "text/plain"};
  if (format == "SAMI") return caption_file{sami(), "application/smil"};
  if (format == "SBV") return caption_file{sbv(), "text/plain"};
  if (format == "SCC") return caption_file{scc(), "text/plain"};
  if (format == "TPM" || format == "TWX" || format == "ECHO") return caption_file{timed_lines(), "text/plain"};
  if (format == "TRANSCRIPT") return caption_file{transcript_text(), "text/plain"};
  return std::nullopt;
}

std::string element_list_json() {
  boost::json::array segments;
  for (const auto& c : cues) {
    boost::json::array tokens;
    std::string_view rest = c.text;
    while (!rest.empty()) {
      auto word = rest.substr(0, rest.find(' '));
      tokens.push_back({{"interpolated", false}, {"value", word}});
      rest.remove_prefix(std::min(rest.size(), word.size() + 1));
    }
    segments.push_back({{"start_time", c.start_ms},
                        {"end_time", c.end_ms},
                        {"sequences", boost::json::array{{{"tokens", std::move(tokens)}}}}});
  }
  boost::json::object list{{"version", 3},
                           {"start_time", 0},
                           {"end_time", cues.back().end_ms},
                           {"language", "en"},
                           {"segments", std::move(segments)},
                           {"speakers", boost::json::array{}},
                           {"keywords", boost::json::object{}},
                           {"topics", boost::json::object{}}};
  return boost::json::serialize(list);
}

double media_length_seconds() { return cues.back().end_ms / 1000.0; }

}  // namespace emulator
