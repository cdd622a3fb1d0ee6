// Catch2's main, after one thing every test needs: the tests talk only to servers on this
// machine's loopback, and a proxy from the environment (http_proxy and the like, which libcurl
// follows) must not stand between them.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  ::setenv("no_proxy", "127.0.0.1,localhost", 1);
  return Catch::Session().run(argc, argv);
}
