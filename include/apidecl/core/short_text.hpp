#ifndef APIDECL_CORE_SHORT_TEXT_HPP
#define APIDECL_CORE_SHORT_TEXT_HPP

#include <cstddef>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace apidecl {

/// A string of at most `Capacity` bytes stored inline: error details that must not touch the heap.
/// Longer text is cut, ending in "...".
template <std::size_t Capacity>
class short_text {
  static_assert(Capacity >= 3, "apidecl: short_text needs room for its \"...\" marker");

 public:
  constexpr short_text() noexcept = default;
  /// From any text: a string literal, a std::string, a std::string_view.
  template <class Text, std::enable_if_t<std::is_convertible_v<Text const&, std::string_view>, int> = 0>
  short_text(Text const& text) noexcept {  // NOLINT: implicit, like std::string
    assign(text);
  }

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
