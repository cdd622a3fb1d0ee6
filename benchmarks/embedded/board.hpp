// What the firmware needs of the board (board.cpp): a console and a way to stop, both through
// Arm semihosting, and a count of heap allocations.
#ifndef APIDECL_BENCHMARKS_EMBEDDED_BOARD_HPP
#define APIDECL_BENCHMARKS_EMBEDDED_BOARD_HPP

#include <cstddef>
#include <string_view>

namespace board {

/// Writes `text` to the debugger's console.
void write(std::string_view text) noexcept;

/// Stops the program; the debugger (or emulator) exits with status 0 if `ok`, else 1.
[[noreturn]] void stop(bool ok) noexcept;

/// The heap: `operator new` hands out a fixed static arena, never freed, and counts what it gave.
struct heap_use {
  std::size_t allocations = 0;
  std::size_t bytes = 0;
};
heap_use heap() noexcept;

}  // namespace board

#endif
