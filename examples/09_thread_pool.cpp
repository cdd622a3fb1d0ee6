// 09 — A thread-pool server: each request is a handler posted to an asio::thread_pool, and each
// handler authorizes an onDemand quote (signed, XML) through its worker thread's own client. The
// answers are printed in the order the requests came, whichever worker took each and whenever it
// finished.
#include "settings.hpp"

#include <apidecl/apis/ondemand/ondemand.hpp>
#include <apidecl/auth/openssl_sha256.hpp>
#include <apidecl/client/client.hpp>
#include <apidecl/fmt/formatters.hpp>
#include <apidecl/serializer/pugixml.hpp>
#include <apidecl/transport/asio.hpp>
#include <apidecl/types/text_value.hpp>

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/throw_exception.hpp>
#include <fmt/core.h>

#include <array>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <string>

#ifdef BOOST_NO_EXCEPTIONS
// With exceptions off, Asio calls boost::throw_exception where it would have thrown, and
// Boost.ThrowException asks the program to define it. Here that means a thread the pool cannot
// start, or no memory: no server, then.
void boost::throw_exception(std::exception const&) { std::abort(); }
void boost::throw_exception(std::exception const&, boost::source_location const&) { std::abort(); }
#endif

namespace od = apidecl::ondemand;

// The requests, each a quote to authorize, and the status the emulator answers each with.
struct order {
  char const* quote_id;
  int expected_status;
};
constexpr order orders[] = {{"795", 202}, {"796", 202}, {"797", 402}, {"798", 409}, {"799", 202}, {"800", 405}};

// The calling thread's client. A client is not thread-safe, and neither is its transport: each
// worker thread makes its own on its first request and keeps it, with its open connection, for
// the next; no two threads ever share one.
auto& worker_client(examples::settings const& s) {
  thread_local apidecl::asio_transport http({s.base_url});
  thread_local auto api = apidecl::make_client(http, apidecl::pugixml_serializer{},
                                               od::signer({s.key_id, s.secret_key}, apidecl::openssl_sha256{}));
  return api;
}

// What an authorization came to, in one line.
std::string summary(apidecl::result<od::endpoints::authorize_quote> const& r) {
  return r.visit(apidecl::overload{
      [](apidecl::status<202, od::quote_authorization> const& s) { return fmt::format("202 {}", s.body.status.text()); },
      [](apidecl::status<402, od::quote_authorization> const& s) {
        return fmt::format("402 payment required: pay at {}", s.body.payment_url.value_or("(no URL)"));
      },
      [](od::quote const& q) {
        return fmt::format("409 quote changed: now quote {} at {} {}", q.quote_id.value(), apidecl::to_text(q.total_cost),
                           q.currency.text());
      },
      [](od::error const& e) { return fmt::format("refused, reason {}: {}", e.reason_code.text(), e.simple_message); },
      [](od::rate_limited const&) { return std::string("429 rate limited"); },
      [](apidecl::unexpected_status const& u) { return fmt::format("{}", u); },
      [](apidecl::failure const& f) { return fmt::format("failed: {}", f); }});
}

int main(int argc, char** argv) {
  examples::settings const s = examples::read_settings(argc, argv);
  struct answer {
    int status = 0;
    std::string line;
  };
  std::array<answer, std::size(orders)> answers;  // one slot per request, written by one handler

  boost::asio::thread_pool pool(3);
  for (std::size_t i = 0; i < std::size(orders); ++i)
    boost::asio::post(pool, [&s, &answers, i] {
      od::quote q;
      q.quote_id = od::ids::quote(orders[i].quote_id);
      auto const r = worker_client(s).call(od::authorize_quote, od::quote_id = orders[i].quote_id, apidecl::body = q);
      answers[i] = {r.http_status(), summary(r)};
    });
  pool.join();  // every handler has run: the answers are complete, and safe to read here

  bool expected = true;
  for (std::size_t i = 0; i < std::size(orders); ++i) {
    fmt::print("quote {}: {}\n", orders[i].quote_id, answers[i].line);
    expected = expected && answers[i].status == orders[i].expected_status;
  }
  return expected ? 0 : 1;  // any other outcome is a surprise
}
