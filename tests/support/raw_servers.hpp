// Loopback TCP servers that misbehave in ways nginx will not be configured to: a server scripted
// byte by byte (that never answers, or closes in the middle of a response), and a port that never
// completes a connection.
#ifndef APIDECL_TESTS_SUPPORT_RAW_SERVERS_HPP
#define APIDECL_TESTS_SUPPORT_RAW_SERVERS_HPP

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace test_support {

/// A listening socket on a free loopback port, or -1.
inline int listen_on_loopback(int backlog, std::uint16_t& port) {
  int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, backlog) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    return -1;
  }
  port = ntohs(address.sin_port);
  return fd;
}

/// Serves each connection with a test's function, one connection at a time, on a thread of its
/// own. After the function returns the connection is closed, or held open until the server stops.
class scripted_server {
 public:
  enum class then { close, hold };
  using session = std::function<then(int connection)>;

  explicit scripted_server(session serve) : serve_(std::move(serve)) {
    listener_ = listen_on_loopback(16, port_);
    if (listener_ >= 0) thread_ = std::thread([this] { run(); });
  }

  ~scripted_server() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
    for (int fd : held_) ::close(fd);
    if (listener_ >= 0) ::close(listener_);
  }

  scripted_server(scripted_server const&) = delete;
  scripted_server& operator=(scripted_server const&) = delete;

  /// Whether the server could listen (it may have stopped since).
  bool listening() const noexcept { return port_ != 0; }
  std::uint16_t port() const noexcept { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Connections accepted so far.
  std::size_t connections() const noexcept { return connections_; }
  /// The requests read with `read_request` so far, whole.
  std::vector<std::string> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

  /// Reads one HTTP/1.1 request (its head, and as many body bytes as its Content-Length says) and
  /// records it. Empty if the peer closed first.
  std::string read_request(int connection) {
    std::string text;
    char chunk[4096];
    std::size_t wanted = std::string::npos;
    while (wanted == std::string::npos || text.size() < wanted) {
      ssize_t const got = ::recv(connection, chunk, sizeof chunk, 0);
      if (got <= 0) return {};
      text.append(chunk, static_cast<std::size_t>(got));
      std::size_t const head_end = text.find("\r\n\r\n");
      if (wanted == std::string::npos && head_end != std::string::npos) {
        std::size_t length = 0;
        std::size_t const field = text.find("\r\nContent-Length: ");
        if (field != std::string::npos && field < head_end)
          length = std::strtoul(text.c_str() + field + 18, nullptr, 10);
        wanted = head_end + 4 + length;
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(text);
    return text;
  }

  /// A session that records one request and then holds the connection, never answering: a server
  /// that has received the request and stalls.
  then record_then_hold(int connection) {
    read_request(connection);
    return then::hold;
  }

  /// A session that reads one request, answers `reply` and closes the connection.
  then answer_once(int connection, std::string_view reply) {
    read_request(connection);
    write_all(connection, reply);
    return then::close;
  }

  /// Called from a session: once it returns, the port refuses connections, before the session's
  /// connection is closed.
  void stop_listening() noexcept { stop_listening_ = true; }

  /// Writes all of `bytes`, or as much as the peer takes.
  static void write_all(int connection, std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t const put = ::send(connection, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (put <= 0) return;
      bytes.remove_prefix(static_cast<std::size_t>(put));
    }
  }

 private:
  void run() {
    while (!stopping_) {
      pollfd ready{listener_, POLLIN, 0};
      if (::poll(&ready, 1, 20) <= 0) continue;
      int const connection = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (connection < 0) continue;
      timeval const patience{5, 0};  // a session waiting for a client that went away gives up
      ::setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
      ++connections_;
      then const after = serve_(connection);
      if (stop_listening_) {
        ::close(listener_);
        listener_ = -1;
      }
      if (after == then::hold) held_.push_back(connection);
      else ::close(connection);
      if (listener_ < 0) return;
    }
  }

  session serve_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  bool stop_listening_ = false;  // the server's thread's only
  std::atomic<std::size_t> connections_{0};
  std::vector<int> held_;  // touched by the server's thread only, until it is joined
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

/// A port whose connections never complete, as with a host that drops packets: its listening
/// socket has room for one pending connection, taken at once, and the kernel ignores the
/// handshakes that find no room (Linux does; elsewhere they may be refused instead).
class unanswered_port {
 public:
  unanswered_port() {
    listener_ = listen_on_loopback(0, port_);
    if (listener_ < 0) return;
    filler_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port_);
    if (filler_ < 0 || ::connect(filler_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(listener_);
      listener_ = -1;
    }
  }
  ~unanswered_port() {
    if (filler_ >= 0) ::close(filler_);
    if (listener_ >= 0) ::close(listener_);
  }
  unanswered_port(unanswered_port const&) = delete;
  unanswered_port& operator=(unanswered_port const&) = delete;

  bool ready() const noexcept { return listener_ >= 0; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int listener_ = -1;
  int filler_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace test_support

#endif
