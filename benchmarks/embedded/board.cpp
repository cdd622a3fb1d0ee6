// The board under the firmware, with no C runtime start-up and no system calls: the vector
// table and reset handler for a Cortex-M (board.ld places them), Arm semihosting for the console
// and for stopping, and the heap as a counted static arena. Nothing here reaches newlib's
// malloc, stdio or signal handling, so the build can check that none of them is linked.
#include "board.hpp"

#include <cstdint>
#include <cstring>
#include <new>

// The firmware's main, which C++ code may not call by that name.
extern "C" int firmware_main() __asm__("main");

namespace {

// Semihosting operations (Arm's "Semihosting for AArch32 and AArch64", 2.0).
constexpr int sys_write0 = 0x04;
constexpr int sys_exit = 0x18;
constexpr int application_exit = 0x20026;        // the debugger exits with status 0
constexpr int run_time_error_unknown = 0x20023;  // ... and with 1

// Traps to the debugger, which performs `operation` on `argument` and resumes the program.
void semihost(int operation, void const* argument) noexcept {
  asm volatile("mov r0, %0\n\tmov r1, %1\n\tbkpt 0xab" : : "r"(operation), "r"(argument) : "r0", "r1", "memory");
}

alignas(8) unsigned char arena[4096];
board::heap_use used;

[[noreturn]] void fault() noexcept {
  board::write("\nfault: the core took an exception\n");
  board::stop(false);
}

}  // namespace

namespace board {

void write(std::string_view text) noexcept {
  char chunk[65];  // SYS_WRITE0 takes NUL-terminated text
  while (!text.empty()) {
    std::size_t const n = text.size() < sizeof chunk - 1 ? text.size() : sizeof chunk - 1;
    std::memcpy(chunk, text.data(), n);
    chunk[n] = '\0';
    semihost(sys_write0, chunk);
    text.remove_prefix(n);
  }
}

void stop(bool ok) noexcept {
  semihost(sys_exit, reinterpret_cast<void const*>(ok ? application_exit : run_time_error_unknown));
  for (;;) {
  }
}

heap_use heap() noexcept { return used; }

}  // namespace board

// The C library's abort would raise a signal, and newlib's signal table is allocated with malloc.
extern "C" [[noreturn]] void abort() {
  board::write("\nabort\n");
  board::stop(false);
}

void* operator new(std::size_t size) {
  std::size_t const rounded = (size + 7) & ~std::size_t(7);
  if (rounded > sizeof arena - used.bytes) {
    board::write("\nthe heap arena is exhausted\n");
    board::stop(false);
  }
  void* const block = arena + used.bytes;
  used.bytes += rounded;
  ++used.allocations;
  return block;
}
void operator delete(void*) noexcept {}
void operator delete(void*, std::size_t) noexcept {}

extern "C" {

extern std::uint32_t __data_start[], __data_end[], __data_load[], __bss_start[], __bss_end[], __stack_top[];
extern void (*__init_array_start[])();
extern void (*__init_array_end[])();

[[noreturn]] void reset_handler() {
  std::memcpy(__data_start, __data_load, static_cast<std::size_t>(__data_end - __data_start) * 4);
  std::memset(__bss_start, 0, static_cast<std::size_t>(__bss_end - __bss_start) * 4);
  for (void (**init)() = __init_array_start; init != __init_array_end; ++init) (*init)();
  board::stop(firmware_main() == 0);
}

// Initial stack pointer, reset, then NMI, HardFault, MemManage, BusFault and UsageFault: any
// fault ends the run with a message rather than a hang.
__attribute__((section(".vectors"), used)) void const* const vectors[] = {
    __stack_top, reinterpret_cast<void const*>(reset_handler), reinterpret_cast<void const*>(fault),
    reinterpret_cast<void const*>(fault), reinterpret_cast<void const*>(fault), reinterpret_cast<void const*>(fault),
    reinterpret_cast<void const*>(fault),
};

}  // extern "C"
