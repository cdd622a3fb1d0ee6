#include "server.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

namespace emulator {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using beast::error_code;

/// What close_during sends: the head and half the body, or half the head when there is no body, so
/// that the client never gets a complete response.
std::string cut_short(const response& message) {
  std::ostringstream head;
  head << message.base();
  auto wire = head.str();
  if (message.body().empty()) return wire.substr(0, wire.size() / 2);
  return wire + message.body().substr(0, message.body().size() / 2);
}

/// One connection: reads requests one after another, answers each, and keeps the connection open as
/// long as HTTP/1.1 keep-alive says so.
class session : public std::enable_shared_from_this<session> {
 public:
  session(tcp::socket socket, backend& state, asio::io_context& io)
      : stream_{std::move(socket)}, timer_{stream_.get_executor()}, state_{state}, io_{io} {}

  void start() { read_header(); }

 private:
  void read_header() {
    parser_.emplace();
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&session::on_header, shared_from_this()));
  }

  // curl asks before sending a large body; answering 100 Continue spares it a second of waiting.
  void on_header(error_code failure, std::size_t) {
    if (failure) return on_read_failure(failure);
    if (!beast::iequals(parser_->get()[http::field::expect], "100-continue")) return read_body();
    continue_ = http::response<http::empty_body>{http::status::continue_, parser_->get().version()};
    http::async_write(stream_, continue_, [self = shared_from_this()](error_code write_failure, std::size_t) {
      if (write_failure) return self->close();
      self->read_body();
    });
  }

  void read_body() {
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&session::on_request, shared_from_this()));
  }

  void on_request(error_code failure, std::size_t) {
    if (failure) return on_read_failure(failure);
    request_ = parser_->release();
    reply_ = state_.respond(request_, record_);
    deliver();
  }

  // A request the parser refuses gets a status saying why; a connection the client closed or broke is
  // just closed.
  void on_read_failure(error_code failure) {
    bool refused_by_parser = failure.category() == http::make_error_code(http::error::bad_method).category() &&
                             failure != http::error::end_of_stream && failure != http::error::partial_message;
    if (!refused_by_parser) return close();
    auto status = failure == http::error::body_limit ? http::status::payload_too_large : http::status::bad_request;
    request_ = {};
    request_.keep_alive(false);
    reply_ = {text_response(status, failure.message())};
    write();
  }

  void deliver() {
    switch (reply_.how) {
      case delivery::normal:
      case delivery::then_shutdown: return write();
      case delivery::after_delay:
        timer_.expires_after(reply_.delay);
        return timer_.async_wait([self = shared_from_this()](error_code) { self->write(); });
      case delivery::close_before_response: return close();
      case delivery::close_during_body: return write_part();
    }
  }

  void prepare() {
    auto& message = reply_.message;
    message.version(request_.version());
    message.keep_alive(request_.keep_alive() && reply_.how != delivery::then_shutdown);
    message.prepare_payload();
    // Content-Length frames every answer but a 204, which RFC 9110 forbids to carry one.
    if (message.result() == http::status::no_content) message.erase(http::field::content_length);
  }

  void write() {
    prepare();
    http::async_write(stream_, reply_.message, beast::bind_front_handler(&session::on_write, shared_from_this()));
  }

  void on_write(error_code failure, std::size_t) {
    if (failure) return close();
    if (reply_.how == delivery::then_shutdown) return io_.stop();
    if (!reply_.message.keep_alive()) return close();
    read_header();
  }

  void write_part() {
    prepare();
    partial_ = cut_short(reply_.message);
    asio::async_write(stream_, asio::buffer(partial_),
                      [self = shared_from_this()](error_code, std::size_t) { self->close(); });
  }

  void close() {
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  asio::steady_timer timer_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::empty_body> continue_;
  request request_;
  reply reply_;
  std::string partial_;
  backend& state_;
  asio::io_context& io_;
  backend::connection_record record_;
};

}  // namespace

server::server(asio::io_context& io, const tcp::endpoint& endpoint, backend& state)
    : io_{io}, acceptor_{io, endpoint}, state_{state} {}

tcp::endpoint server::local_endpoint() const { return acceptor_.local_endpoint(); }

void server::start() { accept(); }

void server::accept() {
  acceptor_.async_accept([this](error_code failure, tcp::socket socket) {
    if (!failure) std::make_shared<session>(std::move(socket), state_, io_)->start();
    accept();
  });
}

}  // namespace emulator
