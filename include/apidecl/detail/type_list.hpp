#ifndef APIDECL_DETAIL_TYPE_LIST_HPP
#define APIDECL_DETAIL_TYPE_LIST_HPP

#include <cstddef>
#include <type_traits>

// The few type-list operations the checks need, kept here rather than pulling in a
// metaprogramming umbrella header: compile time is a feature of this library.
namespace apidecl::detail {

/// std::remove_cvref_t, which C++17 lacks.
template <class T>
using remove_cvref_t = std::remove_cv_t<std::remove_reference_t<T>>;

template <class... Ts>
struct type_list {
  static constexpr std::size_t size = sizeof...(Ts);
};

template <std::size_t I, class List>
struct type_at;
template <std::size_t I, class First, class... Rest>
struct type_at<I, type_list<First, Rest...>> : type_at<I - 1, type_list<Rest...>> {};
template <class First, class... Rest>
struct type_at<0, type_list<First, Rest...>> {
  using type = First;
};
template <std::size_t I, class List>
using type_at_t = typename type_at<I, List>::type;

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// The index of the first `T` in `Ts`, or `npos`.
template <class T, class... Ts>
constexpr std::size_t index_of() noexcept {
  constexpr bool same[] = {std::is_same_v<T, Ts>..., false};
  for (std::size_t i = 0; i < sizeof...(Ts); ++i)
    if (same[i]) return i;
  return npos;
}

/// The index of the first `T` in a type_list, or `npos`.
template <class T, class... Ts>
constexpr std::size_t index_of_in(type_list<Ts...>) noexcept {
  return index_of<T, Ts...>();
}

/// The index of the first false in `Ok`, or `sizeof...(Ok)`.
template <bool... Ok>
constexpr std::size_t first_false() noexcept {
  constexpr bool ok[] = {Ok..., false};
  std::size_t i = 0;
  while (ok[i]) ++i;
  return i;
}

template <class...>
inline constexpr bool always_false = false;

/// What an entry point returns after its check has reported an error: it converts to whatever
/// the caller expects, so the one diagnostic is not followed by a cascade. Never reached at run
/// time (the program does not compile), hence never defined.
struct after_error {
  template <class T>
  operator T() const noexcept;  // NOLINT: converts to anything by design
};

}  // namespace apidecl::detail

#endif
