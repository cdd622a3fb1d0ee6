// The HTTP/1.1 server: accepts connections and runs a session per connection, delivering the backend's
// replies, faults included, on the wire.
#ifndef APIDECL_EMULATOR_SERVER_HPP
#define APIDECL_EMULATOR_SERVER_HPP

#include "backend.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <cstdint>

namespace emulator {

/// Serves connections on `io`. Everything runs on the thread that runs `io`, so sessions share the
/// backend without locks, and a delayed reply only waits on a timer.
class server {
 public:
  /// Listens on `endpoint` (port 0 picks a free port); throws boost::system::system_error if it cannot.
  /// Bodies the backend takes as uploads are streamed to disk up to `upload_limit` bytes; every
  /// other body is read into memory up to 1 MiB.
  server(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint, backend& state,
         std::uint64_t upload_limit);

  boost::asio::ip::tcp::endpoint local_endpoint() const;

  /// Accepts connections until `io` stops. A shutdown request stops `io`.
  void start();

 private:
  void accept();

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  backend& state_;
  std::uint64_t upload_limit_;
};

}  // namespace emulator

#endif
