#ifndef APIDECL_TRANSPORT_DETAIL_ASIO_CONNECTION_HPP
#define APIDECL_TRANSPORT_DETAIL_ASIO_CONNECTION_HPP

#include <apidecl/transport/detail/base_url.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>
#include <boost/system/error_code.hpp>

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

/// One connection of `asio_transport`, plain or TLS.
namespace apidecl::detail {

/// The step of opening a connection that failed: each says something different about the peer.
enum class asio_open_step { resolve, connect, handshake };

/// A connection to the service: opened once (name resolution, TCP, TLS handshake), then used by
/// one exchange at a time, parked idle between them. Shared with the handlers of its operations,
/// which keep it alive until they have run, as Asio requires of a stream.
class asio_connection : public std::enable_shared_from_this<asio_connection> {
 public:
  using tcp = boost::asio::ip::tcp;

  /// A connection to be opened on `context`; with `tls`, a TLS one.
  asio_connection(boost::asio::io_context& context, boost::asio::ssl::context* tls)
      : socket_(context), resolver_(context) {
    if (tls) tls_.emplace(socket_, *tls);
  }

  asio_connection(asio_connection const&) = delete;
  asio_connection& operator=(asio_connection const&) = delete;

  /// Resolves `url`'s host, connects to each address in turn until one answers, then, for TLS,
  /// shakes hands with SNI and, if `verify`, checks the certificate's chain and that it names the
  /// host. Calls `done(error, step)` once, from the io_context; an error says which step failed.
  template <class Done>
  void async_open(base_url const& url, bool verify, Done done) {
    auto const flags = url.host_is_address ? tcp::resolver::numeric_host | tcp::resolver::numeric_service
                                           : tcp::resolver::numeric_service;
    resolver_.async_resolve(url.host, url.port, flags,
                            [self = shared_from_this(), &url, verify, done = std::move(done)](
                                boost::system::error_code ec, tcp::resolver::results_type addresses) mutable {
                              if (self->closed_) ec = boost::asio::error::operation_aborted;
                              if (ec) return done(ec, asio_open_step::resolve);
                              self->connect(addresses, url, verify, std::move(done));
                            });
  }

  /// Whether an idle connection can carry the next request: nothing has arrived on it since its
  /// last response, neither the peer's close nor anything else. A server closes idle connections
  /// (after its keep-alive timeout or request limit, or on restart); finding that out here, before
  /// writing, is what lets a request go on a fresh connection with no doubt about whether it
  /// left. A TLS peer may have sent a close_notify, which counts as data: that connection is
  /// dropped too, never probed through TLS.
  bool still_open() noexcept {
    if (closed_ || !socket_.is_open()) return false;
    char byte = 0;
    boost::system::error_code ec;
    socket_.receive(boost::asio::buffer(&byte, 1), tcp::socket::message_peek, ec);
    return ec == boost::asio::error::would_block || ec == boost::asio::error::try_again;
  }

  /// Writes all of `buffers` at once (a gather write; TLS records are filled from it in turn).
  template <class Buffers, class Handler>
  void async_write(Buffers const& buffers, Handler&& handler) {
    if (tls_) boost::asio::async_write(*tls_, buffers, std::forward<Handler>(handler));
    else boost::asio::async_write(socket_, buffers, std::forward<Handler>(handler));
  }

  /// Writes what the socket takes now, without waiting, of a plain connection's `buffers`, and
  /// returns how many bytes that was. 0 for TLS, whose records OpenSSL writes, and on an error,
  /// which `async_write` then meets and reports.
  template <class Buffers>
  std::size_t write_now(Buffers const& buffers) noexcept {
    if (tls_) return 0;
    boost::system::error_code ec;
    std::size_t const n = socket_.write_some(buffers, ec);  // non-blocking: see connect
    return ec ? 0 : n;
  }

  /// Reads what has arrived, at most `size` bytes, into `data`.
  template <class Handler>
  void async_read_some(char* data, std::size_t size, Handler&& handler) {
    if (tls_) tls_->async_read_some(boost::asio::buffer(data, size), std::forward<Handler>(handler));
    else socket_.async_read_some(boost::asio::buffer(data, size), std::forward<Handler>(handler));
  }

  /// Closes the socket: operations in progress end with `operation_aborted`. A TLS connection is
  /// closed without a close_notify, as HTTP allows once a response is complete or abandoned.
  void close() noexcept {
    closed_ = true;
    boost::system::error_code ignored;
    resolver_.cancel();
    socket_.close(ignored);
  }

  bool tls() const noexcept { return tls_.has_value(); }

  /// Why the peer's certificate was refused, if it was: OpenSSL's words, e.g. "self-signed
  /// certificate". Empty otherwise.
  std::string_view verify_failure() noexcept {
    if (!tls_) return {};
    long const result = SSL_get_verify_result(tls_->native_handle());
    return result == X509_V_OK ? std::string_view{} : X509_verify_cert_error_string(result);
  }

  /// When the connection was last parked idle.
  std::chrono::steady_clock::time_point idle_since{};
  /// The exchange this connection is being opened for, if it still waits for it.
  void* opener = nullptr;

 private:
  template <class Done>
  void connect(tcp::resolver::results_type const& addresses, base_url const& url, bool verify, Done done) {
    boost::asio::async_connect(
        socket_, addresses,
        [self = shared_from_this(), &url, verify, done = std::move(done)](boost::system::error_code ec,
                                                                           tcp::endpoint const&) mutable {
          if (self->closed_) ec = boost::asio::error::operation_aborted;
          if (ec) return done(ec, asio_open_step::connect);
          boost::system::error_code ignored;
          // The request goes out in one write and the response is awaited: Nagle's algorithm would
          // only hold back a request's last segment.
          self->socket_.set_option(tcp::no_delay(true), ignored);
          // Synchronous operations (the probe in still_open, write_now) return would_block instead of
          // waiting.
          self->socket_.non_blocking(true, ignored);
          if (!self->tls_) return done(ec, asio_open_step::connect);
          self->handshake(url, verify, std::move(done));
        });
  }

  template <class Done>
  void handshake(base_url const& url, bool verify, Done done) {
    SSL* const ssl = tls_->native_handle();
    if (!url.host_is_address) SSL_set_tlsext_host_name(ssl, url.host.c_str());
    if (verify) {
      // OpenSSL checks the name while it verifies the chain, as curl has it do.
      X509_VERIFY_PARAM* const param = SSL_get0_param(ssl);
      X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
      if (url.host_is_address) X509_VERIFY_PARAM_set1_ip_asc(param, url.host.c_str());
      else X509_VERIFY_PARAM_set1_host(param, url.host.c_str(), url.host.size());
    }
    tls_->async_handshake(boost::asio::ssl::stream_base::client,
                          [self = shared_from_this(), done = std::move(done)](boost::system::error_code ec) mutable {
                            if (self->closed_) ec = boost::asio::error::operation_aborted;
                            done(ec, asio_open_step::handshake);
                          });
  }

  tcp::socket socket_;
  std::optional<boost::asio::ssl::stream<tcp::socket&>> tls_;
  tcp::resolver resolver_;
  bool closed_ = false;
};

}  // namespace apidecl::detail

#endif
