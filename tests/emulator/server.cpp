#include "server.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <filesystem>
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

// Every body but an upload is read into memory, up to this.
constexpr std::uint64_t in_memory_body_limit = 1024 * 1024;

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
  session(tcp::socket socket, backend& state, asio::io_context& io, std::uint64_t upload_limit)
      : stream_{std::move(socket)},
        timer_{stream_.get_executor()},
        state_{state},
        io_{io},
        upload_limit_{upload_limit} {}

  void start() { read_header(); }

 private:
  void read_header() {
    upload_parser_.reset();
    upload_file_.reset();
    parser_.emplace();
    // Beast refuses a Content-Length over the limit as soon as the head is read, before the backend
    // could say the body is an upload: the head passes at the upload limit, on_header narrows it.
    parser_->body_limit(upload_limit_);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&session::on_header, shared_from_this()));
  }

  // curl asks before sending a large body; answering 100 Continue spares it a second of waiting.
  void on_header(error_code failure, std::size_t) {
    if (failure) return on_read_failure(failure);
    bool const wants_continue = beast::iequals(parser_->get()[http::field::expect], "100-continue");
    auto const version = parser_->get().version();
    if (auto destination = state_.upload_destination(parser_->get())) {
      if (!stream_upload_to(std::move(*destination)))
        return refuse(http::status::internal_server_error, "cannot store the upload");
    } else {
      if (parser_->content_length().value_or(0) > in_memory_body_limit) return on_read_failure(http::error::body_limit);
      parser_->body_limit(in_memory_body_limit);
    }
    if (!wants_continue) return read_body();
    continue_ = http::response<http::empty_body>{http::status::continue_, version};
    http::async_write(stream_, continue_, [self = shared_from_this()](error_code write_failure, std::size_t) {
      if (write_failure) return self->close();
      self->read_body();
    });
  }

  // An upload's body goes to a file as it arrives, so that its size is bounded by the disk, not memory.
  bool stream_upload_to(std::filesystem::path destination) {
    upload_parser_.emplace(std::move(*parser_));
    error_code failure;
    upload_parser_->get().body().open(destination.c_str(), beast::file_mode::write, failure);
    if (failure) return false;
    upload_file_ = std::move(destination);
    return true;
  }

  void read_body() {
    auto done = beast::bind_front_handler(&session::on_request, shared_from_this());
    if (upload_parser_) return http::async_read(stream_, buffer_, *upload_parser_, std::move(done));
    http::async_read(stream_, buffer_, *parser_, std::move(done));
  }

  void on_request(error_code failure, std::size_t) {
    if (failure) {
      discard_upload();
      return on_read_failure(failure);
    }
    if (upload_parser_) {
      auto uploaded = upload_parser_->release();
      uploaded.body().close();
      request_ = request{std::move(uploaded.base())};
      reply_ = state_.respond(request_, record_, &*upload_file_);
    } else {
      request_ = parser_->release();
      reply_ = state_.respond(request_, record_);
    }
    deliver();
  }

  void discard_upload() {
    if (!upload_file_) return;
    upload_parser_.reset();
    std::error_code ignored;
    std::filesystem::remove(*upload_file_, ignored);
    upload_file_.reset();
  }

  // A request the parser refuses gets a status saying why; a connection the client closed or broke is
  // just closed.
  void on_read_failure(error_code failure) {
    bool refused_by_parser = failure.category() == http::make_error_code(http::error::bad_method).category() &&
                             failure != http::error::end_of_stream && failure != http::error::partial_message;
    if (!refused_by_parser) return close();
    auto status = failure == http::error::body_limit ? http::status::payload_too_large : http::status::bad_request;
    refuse(status, failure.message());
  }

  // The connection closes after the answer: the rest of what the client sent is not read.
  void refuse(http::status status, std::string_view why) {
    discard_upload();
    request_ = {};
    request_.keep_alive(false);
    reply_ = {text_response(status, why)};
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
  std::optional<http::request_parser<http::file_body>> upload_parser_;
  std::optional<std::filesystem::path> upload_file_;
  http::response<http::empty_body> continue_;
  request request_;
  reply reply_;
  std::string partial_;
  backend& state_;
  asio::io_context& io_;
  backend::connection_record record_;
  std::uint64_t upload_limit_;
};

}  // namespace

server::server(asio::io_context& io, const tcp::endpoint& endpoint, backend& state, std::uint64_t upload_limit)
    : io_{io}, acceptor_{io, endpoint}, state_{state}, upload_limit_{upload_limit} {}

tcp::endpoint server::local_endpoint() const { return acceptor_.local_endpoint(); }

void server::start() { accept(); }

void server::accept() {
  acceptor_.async_accept([this](error_code failure, tcp::socket socket) {
    if (!failure) std::make_shared<session>(std::move(socket), state_, io_, upload_limit_)->start();
    accept();
  });
}

}  // namespace emulator
