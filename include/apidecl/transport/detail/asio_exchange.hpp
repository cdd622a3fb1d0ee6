#ifndef APIDECL_TRANSPORT_DETAIL_ASIO_EXCHANGE_HPP
#define APIDECL_TRANSPORT_DETAIL_ASIO_EXCHANGE_HPP

#include <apidecl/core/failure.hpp>
#include <apidecl/core/request.hpp>
#include <apidecl/core/response.hpp>
#include <apidecl/transport/async_transport.hpp>
#include <apidecl/transport/detail/asio_connection.hpp>
#include <apidecl/transport/detail/asio_handler_memory.hpp>
#include <apidecl/transport/detail/body_pump.hpp>
#include <apidecl/transport/detail/growing_response_reader.hpp>
#include <apidecl/transport/detail/request_pieces.hpp>
#include <apidecl/transport/detail/result_handler.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

/// What `asio_transport` keeps for one exchange.
namespace apidecl::detail {

/// How an exchange's outcome reaches its caller.
enum class asio_report {
  on_return,    ///< `send` reads it once the exchange has ended
  on_poll,      ///< `start`: the next `poll` calls the handler
  in_run_loop,  ///< `async_exchange`: the handler is called from the io_context's run loop
};

/// Where an exchange is.
enum class asio_phase {
  idle,     ///< not started, or ended and reported
  waiting,  ///< for a connection, all being busy
  opening,  ///< its connection is being opened
  writing,
  reading,
  decided,  ///< the outcome is known; not reported yet
};

/// The buffers of one gather write, as Asio takes a buffer sequence: a view of an array.
struct asio_gather {
  using value_type = boost::asio::const_buffer;
  using const_iterator = boost::asio::const_buffer const*;
  const_iterator first;
  const_iterator last;
  const_iterator begin() const noexcept { return first; }
  const_iterator end() const noexcept { return last; }
};

/// One exchange's state, reused from one exchange to the next: its buffers keep their size, so a
/// request and a response that fit them allocate nothing.
struct asio_exchange {
  explicit asio_exchange(boost::asio::io_context& context) : timer(context) {}
  asio_exchange(asio_exchange const&) = delete;
  asio_exchange& operator=(asio_exchange const&) = delete;

  /// The outcome: the response, as views into `response`, or the error.
  transport_result result() const {
    if (error) return *error;
    return response.reader().response();
  }

  /// Lays the request out as the buffers of one gather write, without its first `written` bytes.
  asio_gather gather(std::size_t written = 0) noexcept {
    std::size_t n = 0;
    for (std::string_view piece : pieces) {
      std::size_t const skipped = written < piece.size() ? written : piece.size();
      written -= skipped;
      if (skipped < piece.size()) buffers[n++] = boost::asio::const_buffer(piece.data() + skipped, piece.size() - skipped);
    }
    return asio_gather{buffers.data(), buffers.data() + n};
  }

  exchange_id id{};
  asio_report report = asio_report::on_poll;
  asio_phase phase = asio_phase::idle;
  result_handler on_done;
  bool lent = false;  // reported to a handler on another executor, which has not returned yet

  std::string copy;  // the request's target, header block and body, for start and async_exchange
  request sent;      // views into `copy`, or the caller's own request during `send`
  request_pieces pieces;
  std::array<boost::asio::const_buffer, request_pieces::max_pieces> buffers{};
  source_pump upload;                 // a streamed body's bytes still to send, after the head
  uninitialized_buffer upload_piece;  // the piece of it being written; kept for the next

  std::chrono::steady_clock::time_point connect_deadline{};
  std::chrono::steady_clock::time_point total_deadline{};
  boost::asio::steady_timer timer;
  std::chrono::steady_clock::time_point timer_due = std::chrono::steady_clock::time_point::max();  // max: not armed

  std::shared_ptr<asio_connection> connection;
  bool reused = false;         // the connection carried an exchange before
  bool retried = false;        // on a fresh connection, after a reused one failed
  bool write_started = false;  // bytes may have left
  std::size_t written = 0;     // bytes of the request the connection took
  bool io_pending = false;     // a write or read on `connection` has not called back yet

  growing_response_reader response;
  body_sink_ref sink;  // where the bodies of the statuses it takes go
  std::optional<transport_error> error;  // set when it failed, or when cancelled or timed out mid-write/read

  // Asio's operation state: a write or a read at a time (two blocks, for the moment one hands over
  // to the next), and the timer's wait with the one it replaces.
  asio_handler_memory<1024, 2> io_memory;
  asio_handler_memory<256, 2> timer_memory;
};

}  // namespace apidecl::detail

#endif
