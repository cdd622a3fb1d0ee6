// A program the tests run beside themselves (nginx, the emulator, openssl): started with its
// arguments, waited for until it is ready, and stopped and reaped when the test is done.
//
//     test_support::server_process server("nginx", {"-p", dir, "-c", "nginx.conf"});
//     if (!server.wait_for_port(port, std::chrono::seconds(10))) FAIL(server.failure());
//
//     test_support::server_process emulator(path, {"--port", "0"});
//     std::optional<std::string> where = emulator.wait_for_line("listening on ", std::chrono::seconds(10));
//     // *where is "127.0.0.1:PORT"
//
// POSIX only; nothing throws (the tests also build without exceptions): what went wrong is in
// failure(). The child runs in a process group of its own, so stopping it also stops what it
// started (nginx's workers). Its stdout goes to a temporary file, read by wait_for_line and
// output(), so a chatty child never blocks on a full pipe; its stderr stays the test's. On Linux
// the child is also sent SIGTERM if the thread that started it dies, so a crashed test leaves no
// server behind: start servers from the main thread.
#ifndef APIDECL_TESTS_SUPPORT_SERVER_PROCESS_HPP
#define APIDECL_TESTS_SUPPORT_SERVER_PROCESS_HPP

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace test_support {

/// A free TCP port on 127.0.0.1 at the time of the call (another process may take it before it is
/// used, which is unlikely; a server that fails to bind then reports it). 0 if none was found.
inline std::uint16_t free_loopback_port() {
  int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  std::uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

/// Whether 127.0.0.1:`port` accepts a TCP connection now.
inline bool loopback_port_accepts(std::uint16_t port) {
  int const fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  bool const accepted = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return accepted;
}

/// A child program, stopped (SIGTERM, then SIGKILL after a grace period) and reaped on destruction.
class server_process {
 public:
  using clock = std::chrono::steady_clock;

  /// Runs `program` (a path, or a name looked up in PATH) with `arguments`. Check `started()`.
  server_process(std::string const& program, std::vector<std::string> const& arguments) {
    std::error_code ignored;
    output_path_ = (std::filesystem::temp_directory_path(ignored) / "apidecl-output-XXXXXX").string();
    int const output = ::mkostemp(output_path_.data(), O_CLOEXEC);
    if (output < 0) {
      failure_ = "cannot create a file for the output of " + program + ": " + std::strerror(errno);
      output_path_.clear();
      return;
    }
    // The child reports a failed exec through this pipe; a successful exec closes it, unwritten.
    int exec_status[2];
    if (::pipe2(exec_status, O_CLOEXEC) != 0) {
      failure_ = std::string("pipe: ") + std::strerror(errno);
      ::close(output);
      return;
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (std::string const& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    pid_t const parent = ::getpid();

    pid_t const child = ::fork();
    if (child == 0) {  // only async-signal-safe calls from here to exec
#ifdef __linux__
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (::getppid() != parent) ::_exit(127);
#endif
      (void)parent;
      ::setpgid(0, 0);
      ::dup2(output, STDOUT_FILENO);
      ::execvp(argv[0], argv.data());
      int const error = errno;
      (void)!::write(exec_status[1], &error, sizeof error);
      ::_exit(127);
    }
    ::close(output);
    ::close(exec_status[1]);
    if (child < 0) {
      failure_ = std::string("fork: ") + std::strerror(errno);
      ::close(exec_status[0]);
      return;
    }
    pid_ = child;
    ::setpgid(child, child);  // also from here, so that stop() finds the group even before the child ran
    int exec_error = 0;
    ssize_t got = 0;
    do got = ::read(exec_status[0], &exec_error, sizeof exec_error);
    while (got < 0 && errno == EINTR);
    ::close(exec_status[0]);
    if (got > 0) {
      failure_ = "cannot run " + program + ": " + std::strerror(exec_error);
      collect();
      return;
    }
    started_ = true;
  }

  ~server_process() {
    stop();
    if (!output_path_.empty()) ::unlink(output_path_.c_str());
  }

  server_process(server_process&& other) noexcept
      : started_(other.started_),
        pid_(std::exchange(other.pid_, -1)),
        status_(other.status_),
        output_path_(std::exchange(other.output_path_, {})),
        failure_(std::move(other.failure_)) {}
  server_process& operator=(server_process&&) = delete;
  server_process(server_process const&) = delete;
  server_process& operator=(server_process const&) = delete;

  /// Whether the program was started (it may have exited since).
  bool started() const noexcept { return started_; }
  /// Why the last thing asked of the process failed; empty if nothing did.
  std::string const& failure() const noexcept { return failure_; }
  pid_t pid() const noexcept { return pid_; }

  /// Whether the program is still running.
  bool running() {
    if (pid_ <= 0) return false;
    if (!exited()) return true;
    collect();
    return false;
  }

  /// Everything the program wrote to its stdout so far.
  std::string output() const {
    std::string text;
    int const fd = output_path_.empty() ? -1 : ::open(output_path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return text;
    char chunk[4096];
    ssize_t got = 0;
    while ((got = ::read(fd, chunk, sizeof chunk)) > 0) text.append(chunk, static_cast<std::size_t>(got));
    ::close(fd);
    return text;
  }

  /// Waits until the program writes a whole line starting with `prefix` to its stdout, and
  /// returns the rest of that line. Nothing if it exits or `timeout` passes first.
  std::optional<std::string> wait_for_line(std::string_view prefix, clock::duration timeout) {
    clock::time_point const deadline = clock::now() + timeout;
    for (;;) {
      bool const alive = running();
      std::string const text = output();
      for (std::size_t begin = 0, end; (end = text.find('\n', begin)) != std::string::npos; begin = end + 1) {
        std::string_view line(text.data() + begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.substr(0, prefix.size()) == prefix) return std::string(line.substr(prefix.size()));
      }
      if (!alive || clock::now() >= deadline) {
        std::string const line = "a line starting with '" + std::string(prefix) + "'";
        gave_up(alive ? "wrote no " + line + " in time" : "exited before writing " + line);
        return std::nullopt;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  /// Waits until 127.0.0.1:`port` accepts TCP connections. False if the program exits or
  /// `timeout` passes first.
  bool wait_for_port(std::uint16_t port, clock::duration timeout) {
    clock::time_point const deadline = clock::now() + timeout;
    for (;;) {
      if (!running()) {
        gave_up("exited before accepting connections on port " + std::to_string(port));
        return false;
      }
      if (loopback_port_accepts(port)) return true;
      if (clock::now() >= deadline) {
        gave_up("accepted no connection on port " + std::to_string(port) + " in time");
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  /// Waits for the program to exit by itself and returns its exit code (128 + the signal's number
  /// if a signal ended it); nothing if `timeout` passes first, and the program keeps running.
  std::optional<int> wait_for_exit(clock::duration timeout) {
    clock::time_point const deadline = clock::now() + timeout;
    while (running()) {
      if (clock::now() >= deadline) {
        gave_up("did not exit in time");
        return std::nullopt;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return exit_code();
  }

  /// Stops the program and its process group: SIGTERM, then SIGKILL for whatever still runs after
  /// `grace`. Returns its exit code as wait_for_exit does; nothing if it never started.
  std::optional<int> stop(clock::duration grace = std::chrono::seconds(5)) {
    if (pid_ > 0) {
      ::kill(-pid_, SIGTERM);
      clock::time_point const deadline = clock::now() + grace;
      while (!exited() && clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      // Safe even once the leader has exited: unreaped, it keeps its id, so the group is still its.
      ::kill(-pid_, SIGKILL);
      collect();
    }
    return exit_code();
  }

 private:
  std::optional<int> exit_code() const {
    if (!status_) return std::nullopt;
    if (WIFEXITED(*status_)) return WEXITSTATUS(*status_);
    if (WIFSIGNALED(*status_)) return 128 + WTERMSIG(*status_);
    return std::nullopt;
  }

  // Whether the program has exited, without reaping it.
  bool exited() const {
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid != 0;
  }

  // Reaps the program, waiting for it to exit if it has not.
  void collect() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    status_ = status;
    pid_ = -1;
  }

  void gave_up(std::string const& why) {
    failure_ = "the program " + why;
    std::string const text = output();
    if (!text.empty()) failure_ += "; its output: " + text.substr(0, 2000);
  }

  bool started_ = false;
  pid_t pid_ = -1;
  std::optional<int> status_;  // as waitpid reported it, once reaped
  std::string output_path_;
  std::string failure_;
};

}  // namespace test_support

#endif
