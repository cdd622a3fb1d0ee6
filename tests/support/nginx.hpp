// nginx (Debian's nginx-light will do) run by a test on free loopback ports, with a configuration
// the test writes. Everything it reads and writes (configuration, pid file, logs, temporary files)
// is in a temporary directory of its own, removed afterwards: no root needed, and nothing of the
// system's nginx configuration is read.
//
//     test_support::nginx server;
//     server.write_file("site/hello.txt", "hello");
//     if (!server.start("server { listen 127.0.0.1:@PORT0@; root site; }")) FAIL(server.failure());
//     // http://127.0.0.1:<server.port(0)>/hello.txt
//
// Relative paths in the configuration are relative to that directory.
#ifndef APIDECL_TESTS_SUPPORT_NGINX_HPP
#define APIDECL_TESTS_SUPPORT_NGINX_HPP

#include "server_process.hpp"

#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace test_support {

class nginx {
 public:
  /// Makes the directory; nginx starts with `start`.
  nginx() {
    std::error_code ignored;
    std::string path = (std::filesystem::temp_directory_path(ignored) / "apidecl-nginx-XXXXXX").string();
    if (::mkdtemp(path.data())) directory_ = path;
    else failure_ = "cannot create a temporary directory for nginx";
  }

  /// Stops nginx and removes the directory.
  ~nginx() {
    process_.reset();
    std::error_code ignored;
    if (!directory_.empty()) std::filesystem::remove_all(directory_, ignored);
  }

  nginx(nginx const&) = delete;
  nginx& operator=(nginx const&) = delete;

  /// The directory nginx runs in.
  std::string const& directory() const noexcept { return directory_; }

  /// Writes `content` to `relative_path` in the directory, making the folders it needs.
  bool write_file(std::string const& relative_path, std::string_view content) {
    std::filesystem::path const path = std::filesystem::path(directory_) / relative_path;
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) failure_ = "cannot write " + path.string();
    return static_cast<bool>(out);
  }

  /// Starts nginx with `http_block`, the directives of its `http { }` block, in which each
  /// `@PORTn@` (n from 0 to `ports` - 1) becomes a free loopback port. Returns when nginx accepts
  /// connections; false, with the reason in failure(), if it did not within 10 seconds.
  bool start(std::string_view http_block, std::size_t ports = 1) {
    if (directory_.empty()) return false;
    std::string const program = binary();
    if (program.empty()) {
      failure_ = "nginx is not installed, and the transport tests need it (scripts/install-deps installs it)";
      return false;
    }
    // A port found free may be taken before nginx binds it: then try other ports.
    for (int attempt = 0; attempt < 5; ++attempt) {
      ports_.clear();
      for (std::size_t i = 0; i < ports; ++i) ports_.push_back(free_loopback_port());
      if (!write_file("nginx.conf", configuration(http_block))) return false;
      process_ = std::make_unique<server_process>(
          program, std::vector<std::string>{"-p", directory_, "-c", "nginx.conf", "-e", "error.log", "-g", "daemon off;"});
      if (!process_->started()) {
        failure_ = process_->failure();
        return false;
      }
      if (process_->wait_for_port(ports_.front(), std::chrono::seconds(10))) return true;
      failure_ = process_->failure() + "; nginx's error log: " + error_log();
      process_.reset();
      if (error_log().find("Address already in use") == std::string::npos) return false;
    }
    return false;
  }

  /// The port `@PORTn@` became.
  std::uint16_t port(std::size_t n = 0) const { return n < ports_.size() ? ports_[n] : 0; }

  /// Why the last step failed.
  std::string const& failure() const noexcept { return failure_; }

  /// What nginx logged so far.
  std::string error_log() const {
    std::ifstream in(std::filesystem::path(directory_) / "error.log", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  /// The nginx program: the first found in PATH or in the usual sbin folders, which a user's PATH
  /// often lacks. Empty if there is none.
  static std::string binary() {
    std::vector<std::string> folders;
    if (char const* path = std::getenv("PATH")) {
      std::string_view rest = path;
      while (!rest.empty()) {
        std::size_t const colon = rest.find(':');
        folders.emplace_back(rest.substr(0, colon));
        rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
      }
    }
    folders.insert(folders.end(), {"/usr/sbin", "/usr/local/sbin", "/sbin"});
    for (std::string const& folder : folders) {
      std::string const candidate = folder + "/nginx";
      if (!folder.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
  }

 private:
  std::string configuration(std::string_view http_block) const {
    std::string http(http_block);
    for (std::size_t i = 0; i < ports_.size(); ++i) {
      std::string const placeholder = "@PORT" + std::to_string(i) + "@";
      for (std::size_t at; (at = http.find(placeholder)) != std::string::npos;)
        http.replace(at, placeholder.size(), std::to_string(ports_[i]));
    }
    std::string text =
        "worker_processes 1;\n"
        "pid nginx.pid;\n"
        "lock_file nginx.lock;\n"
        "error_log error.log notice;\n";
    // Run as root, nginx would switch its workers to an unprivileged user that cannot read this
    // directory: keep them as the user running the test.
    if (::geteuid() == 0) {
      passwd const* user = ::getpwuid(::geteuid());
      group const* group = ::getgrgid(::getegid());
      if (user && group) text += "user " + std::string(user->pw_name) + " " + group->gr_name + ";\n";
    }
    text +=
        "events { worker_connections 1024; }\n"
        "http {\n"
        "  access_log access.log;\n"
        "  client_body_temp_path client_body_temp;\n"
        "  proxy_temp_path proxy_temp;\n"
        "  fastcgi_temp_path fastcgi_temp;\n"
        "  uwsgi_temp_path uwsgi_temp;\n"
        "  scgi_temp_path scgi_temp;\n";
    text += http;
    text += "\n}\n";
    return text;
  }

  std::string directory_;
  std::vector<std::uint16_t> ports_;
  std::unique_ptr<server_process> process_;
  std::string failure_;
};

}  // namespace test_support

#endif
