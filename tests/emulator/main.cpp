// apidecl-emulator: a local stand-in for the cielo24 v1 and Lionbridge onDemand endpoints apidecl
// ships, with faults tests can switch on. See README.md for the endpoints and the control API.
#include "backend.hpp"
#include "server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/system/system_error.hpp>

#include <charconv>
#include <csignal>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view usage =
    "usage: apidecl-emulator [--host ADDRESS] [--port PORT] [--upload-limit BYTES]\n"
    "\n"
    "Serves every endpoint of the cielo24 v1 and onDemand APIs over HTTP/1.1,\n"
    "with faults switched on through POST /_emulator/fault.\n"
    "\n"
    "  --host ADDRESS  address to listen on (default 127.0.0.1)\n"
    "  --port PORT     port to listen on; 0, the default, picks a free one\n"
    "  --upload-limit BYTES  largest media upload (POST /api/job/add_media), streamed\n"
    "                  to disk; default 268435456 (256 MiB). Other bodies stay under 1 MiB\n"
    "  --help          print this and exit\n"
    "\n"
    "Once listening, prints 'listening on ADDRESS:PORT'. Stops on SIGTERM, SIGINT or\n"
    "POST /_emulator/shutdown.\n";

struct options {
  boost::asio::ip::address host = boost::asio::ip::address_v4::loopback();
  std::uint16_t port = 0;
  std::uint64_t upload_limit = 256ULL * 1024 * 1024;
};

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::uint16_t parse_port(std::string_view text) {
  std::uint16_t port = 0;
  auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (text.empty() || failure != std::errc{} || end != text.data() + text.size()) {
    throw usage_error("--port takes a number from 0 to 65535, not '" + std::string{text} + "'");
  }
  return port;
}

std::uint64_t parse_size(std::string_view text) {
  std::uint64_t size = 0;
  auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), size);
  if (text.empty() || failure != std::errc{} || end != text.data() + text.size() || size == 0) {
    throw usage_error("--upload-limit takes a positive number of bytes, not '" + std::string{text} + "'");
  }
  return size;
}

/// The options, or nothing when --help asked only for the usage.
std::optional<options> parse_command_line(int argc, char* argv[]) {
  options parsed;
  for (int i = 1; i < argc; ++i) {
    std::string_view argument = argv[i];
    if (argument == "--help") return std::nullopt;
    if (argument != "--host" && argument != "--port" && argument != "--upload-limit")
      throw usage_error("unknown argument '" + std::string{argument} + "'");
    if (i + 1 == argc) throw usage_error(std::string{argument} + " needs a value");
    std::string_view value = argv[++i];
    if (argument == "--host") {
      boost::system::error_code not_an_address;
      parsed.host = boost::asio::ip::make_address(value, not_an_address);
      if (not_an_address) throw usage_error("--host takes an IP address, not '" + std::string{value} + "'");
    } else if (argument == "--port") {
      parsed.port = parse_port(value);
    } else {
      parsed.upload_limit = parse_size(value);
    }
  }
  return parsed;
}

}  // namespace

int main(int argc, char* argv[]) {
  try {
    auto parsed = parse_command_line(argc, argv);
    if (!parsed) {
      std::cout << usage;
      return 0;
    }
    // Declared before the io_context, whose destruction ends the sessions that refer to it.
    emulator::backend state;
    boost::asio::io_context io;
    emulator::server server{io, {parsed->host, parsed->port}, state, parsed->upload_limit};
    boost::asio::signal_set stop_signals{io, SIGINT, SIGTERM};
    stop_signals.async_wait([&io](const boost::system::error_code&, int) { io.stop(); });
    server.start();
    // The one line a test waits for before it connects; flushed because stdout is usually a pipe.
    std::cout << "listening on " << server.local_endpoint() << std::endl;
    io.run();
    return 0;
  } catch (const usage_error& failure) {
    std::cerr << "apidecl-emulator: " << failure.what() << "\n\n" << usage;
    return 2;
  } catch (const boost::system::system_error& failure) {
    std::cerr << "apidecl-emulator: " << failure.code().message() << '\n';
    return 1;
  } catch (const std::exception& failure) {
    std::cerr << "apidecl-emulator: " << failure.what() << '\n';
    return 1;
  }
}
