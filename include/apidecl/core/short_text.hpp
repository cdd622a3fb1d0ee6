#ifndef APIDECL_CORE_SHORT_TEXT_HPP
#define APIDECL_CORE_SHORT_TEXT_HPP

#include <cstddef>
#include <cstring>
#include <string_view>

namespace apidecl {

/// A string of at most `Capacity` bytes stored inline: error details that must not touch the heap.
/// Longer text is cut, ending in "...".
template <std::size_t Capacity>
class short_text {
  static_assert(Capacity >= 3, "apidecl: short_text needs room for its \"...\" marker");

 public:
  constexpr short_text() noexcept = default;
  short_text(std::string_view text) noexcept { assign(text); }  // NOLINT: implicit, like std::string
  short_text(char const* text) noexcept { assign(text); }       // NOLINT

  void assign(std::string_view text) noexcept {
    size_ = text.size() <= Capacity ? text.size() : Capacity;
    std::memcpy(data_, text.data(), size_);
    if (text.size() > Capacity) std::memcpy(data_ + Capacity - 3, "...", 3);
  }
  constexpr std::string_view view() const noexcept { return {data_, size_}; }
  constexpr operator std::string_view() const noexcept { return view(); }  // NOLINT: reads as text

 private:
  char data_[Capacity] = {};
  std::size_t size_ = 0;
};

}  // namespace apidecl

#endif
