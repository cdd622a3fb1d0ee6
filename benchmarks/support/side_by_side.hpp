// Runs each pair's apidecl side and hand-written side as Google Benchmark benchmarks, their
// repetitions interleaved at random so that both sides see the same load, and prints the ratio of
// their median CPU times, pair by pair. Or, for counting instructions under callgrind, calls one
// side alone.
#ifndef APIDECL_BENCHMARKS_SIDE_BY_SIDE_HPP
#define APIDECL_BENCHMARKS_SIDE_BY_SIDE_HPP

#include "support/allocation_count.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace side_by_side {

/// One thing both sides do: `apidecl()` and `handwritten()` each do it once.
struct pair {
  std::string name;
  void (*apidecl)();
  void (*handwritten)();
};

namespace detail {
// Google Benchmark's console table, keeping the median CPU time of each benchmark.
class median_reporter : public benchmark::ConsoleReporter {
 public:
  median_reporter() : ConsoleReporter(OO_Tabular) {}  // no colours: the lines after the table start clean

  void ReportRuns(std::vector<Run> const& runs) override {
    for (Run const& run : runs)
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median")
        medians[run.run_name.function_name] = run.GetAdjustedCPUTime();
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> medians;
};

inline void repeat(benchmark::State& state, void (*side)()) {
  for (auto _ : state) side();
}

// The only function whose instructions `benchmarks/run` has callgrind count.
[[gnu::noinline]] inline void counted_calls(void (*side)(), long count) {
  for (long i = 0; i < count; ++i) side();
}
}  // namespace detail

/// With `--list`, prints the name of each pair. With `--calls PAIR SIDE COUNT` (SIDE: apidecl or
/// handwritten), makes that many calls of that side inside `detail::counted_calls`. Otherwise
/// benchmarks both sides of every pair (each 15 times, unless the command line says otherwise)
/// and prints, one `name: value` line each, the median time of each side of each pair,
/// `<prefix>_ns.<pair>.<side>`, the ratio of each pair, `<prefix>_time.<pair>` (apidecl over
/// hand-written), and the largest of those, `<prefix>_time`; then the heap allocations of one
/// call of each side, `<prefix>_allocations.<pair>.<side>`, and the most that one call of the
/// apidecl side makes, `<prefix>_allocations`. The summary figures are the worst pair, so that no
/// pair's regression hides behind the others. Returns main's exit status.
inline int run(int argc, char** argv, std::string_view prefix, std::vector<pair> const& pairs) {
  std::vector<std::string_view> const command(argv + 1, argv + argc);
  if (command.size() == 1 && command[0] == "--list") {
    for (pair const& p : pairs) std::printf("%s\n", p.name.c_str());
    return 0;
  }
  if (command.size() == 4 && command[0] == "--calls") {
    for (pair const& p : pairs)
      if (p.name == command[1] && (command[2] == "apidecl" || command[2] == "handwritten")) {
        detail::counted_calls(command[2] == "apidecl" ? p.apidecl : p.handwritten, std::atol(argv[4]));
        return 0;
      }
    std::fprintf(stderr, "usage: %s --calls PAIR apidecl|handwritten COUNT\n", argv[0]);
    return 2;
  }
  std::string_view const uncounted = allocation_count::uncounted();
  if (!uncounted.empty()) {
    std::fprintf(stderr, "%s: the allocation count misses %.*s\n", argv[0], static_cast<int>(uncounted.size()),
                 uncounted.data());
    return 1;
  }

  std::vector<char*> args(argv, argv + argc);
  std::string interleave = "--benchmark_enable_random_interleaving=true";
  std::string repetitions = "--benchmark_repetitions=15";
  std::string aggregates = "--benchmark_report_aggregates_only=true";
  args.insert(args.begin() + 1, {interleave.data(), repetitions.data(), aggregates.data()});  // the command line wins
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());

  for (pair const& p : pairs) {
    benchmark::RegisterBenchmark((p.name + "/apidecl").c_str(), detail::repeat, p.apidecl);
    benchmark::RegisterBenchmark((p.name + "/handwritten").c_str(), detail::repeat, p.handwritten);
  }
  detail::median_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  int const width = static_cast<int>(prefix.size());
  double worst = 0;
  for (pair const& p : pairs) {
    double const library = reporter.medians[p.name + "/apidecl"];
    double const baseline = reporter.medians[p.name + "/handwritten"];
    worst = std::max(worst, library / baseline);
    std::printf("%.*s_ns.%s.apidecl: %.0f\n", width, prefix.data(), p.name.c_str(), library);
    std::printf("%.*s_ns.%s.handwritten: %.0f\n", width, prefix.data(), p.name.c_str(), baseline);
    std::printf("%.*s_time.%s: %.2f\n", width, prefix.data(), p.name.c_str(), library / baseline);
  }
  std::printf("%.*s_time: %.2f\n", width, prefix.data(), worst);

  std::size_t most = 0;
  for (pair const& p : pairs) {
    std::size_t const library = allocation_count::of(p.apidecl);
    std::size_t const baseline = allocation_count::of(p.handwritten);
    most = std::max(most, library);
    std::printf("%.*s_allocations.%s.apidecl: %zu\n", width, prefix.data(), p.name.c_str(), library);
    std::printf("%.*s_allocations.%s.handwritten: %zu\n", width, prefix.data(), p.name.c_str(), baseline);
  }
  std::printf("%.*s_allocations: %zu\n", width, prefix.data(), most);
  return 0;
}

}  // namespace side_by_side

#endif
