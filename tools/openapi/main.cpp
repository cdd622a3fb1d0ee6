// apidecl-openapi: an OpenAPI 3.0 or 3.1 document (JSON or YAML, one file) in, one header of
// apidecl descriptors out.
//
//   apidecl-openapi <document> -o <header> [--namespace <name>] [--test-program <source>]
//
// What the document says that the header cannot express is listed at the top of the header and
// on stderr as warnings; a malformed document is an error naming the file and the JSON pointer
// of the value at fault.
#include "read_api.hpp"
#include "source_document.hpp"
#include "write_header.hpp"
#include "write_test_program.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

namespace {

int usage() {
  std::cerr << "usage: apidecl-openapi <document.yaml|json> -o <header.hpp> [--namespace <name>] "
               "[--test-program <source.cpp>]\n";
  return 2;
}

bool write_file(std::string const& path, std::string const& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::cerr << "apidecl-openapi: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

std::string file_name(std::string const& path) { return path.substr(path.find_last_of('/') + 1); }

}  // namespace

int main(int argc, char** argv) {
  std::string input, header, namespace_name, test_program;
  for (int i = 1; i < argc; ++i) {
    std::string const arg = argv[i];
    bool const has_value = i + 1 < argc;
    if (arg == "-o" && has_value) header = argv[++i];
    else if (arg == "--namespace" && has_value) namespace_name = argv[++i];
    else if (arg == "--test-program" && has_value) test_program = argv[++i];
    else if (input.empty() && !arg.empty() && arg[0] != '-') input = arg;
    else return usage();
  }
  if (input.empty() || header.empty()) return usage();
  try {
    apidecl_openapi::source_document const document = apidecl_openapi::load_document(input);
    apidecl_openapi::api const api = apidecl_openapi::read_api(document, namespace_name);
    for (auto const& note : api.unsupported)
      std::cerr << input << ": " << (note.pointer.empty() ? "/" : note.pointer) << ": warning: " << note.what << "\n";
    if (!write_file(header, apidecl_openapi::write_header(api))) return 1;
    if (!test_program.empty() && !write_file(test_program, apidecl_openapi::write_test_program(api, file_name(header))))
      return 1;
    return 0;
  } catch (apidecl_openapi::malformed_document const& e) {
    std::cerr << e.what() << "\n";
    return 1;
  } catch (std::exception const& e) {  // out of memory, or a bug: still a message, not a crash
    std::cerr << input << ": error: " << e.what() << "\n";
    return 1;
  }
}
