#ifndef APIDECL_TYPES_FIXED_VECTOR_HPP
#define APIDECL_TYPES_FIXED_VECTOR_HPP

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace apidecl {

/// A sequence of at most `N` values of `T` stored inside the object, for users who allocate
/// nothing after start-up. It never grows: `push_back` and `emplace_back` refuse a value when the
/// sequence is full (returning false or a null pointer) instead of allocating or throwing, so a
/// serializer decoding more items than fit can report it as an error.
template <class T, std::size_t N>
class fixed_vector {
  static_assert(N > 0, "apidecl: fixed_vector<T, N> needs a capacity N of at least 1");
  static_assert(std::is_nothrow_destructible_v<T>, "apidecl: fixed_vector<T, N> needs T to have a noexcept destructor");

 public:
  using value_type = T;
  using size_type = std::size_t;
  using reference = T&;
  using const_reference = T const&;
  using iterator = T*;
  using const_iterator = T const*;

  fixed_vector() noexcept = default;
  fixed_vector(fixed_vector const& other) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    for (T const& value : other) emplace_back(value);
  }
  fixed_vector(fixed_vector&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
    for (T& value : other) emplace_back(std::move(value));
  }
  fixed_vector& operator=(fixed_vector const& other) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    if (this != &other) {
      clear();
      for (T const& value : other) emplace_back(value);
    }
    return *this;
  }
  fixed_vector& operator=(fixed_vector&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &other) {
      clear();
      for (T& value : other) emplace_back(std::move(value));
    }
    return *this;
  }
  ~fixed_vector() { clear(); }

  /// Constructs a value at the end; a pointer to it, or null if the sequence is full.
  template <class... Args>
  T* emplace_back(Args&&... args) noexcept(std::is_nothrow_constructible_v<T, Args&&...>) {
    if (size_ == N) return nullptr;
    T* const slot = ::new (static_cast<void*>(storage_ + size_ * sizeof(T))) T(std::forward<Args>(args)...);
    ++size_;
    return slot;
  }
  /// Appends `value`; false if the sequence is full.
  bool push_back(T const& value) noexcept(std::is_nothrow_copy_constructible_v<T>) {
    return emplace_back(value) != nullptr;
  }
  bool push_back(T&& value) noexcept(std::is_nothrow_move_constructible_v<T>) {
    return emplace_back(std::move(value)) != nullptr;
  }

  /// Removes the last value; the sequence must not be empty.
  void pop_back() noexcept {
    --size_;
    data()[size_].~T();
  }
  void clear() noexcept {
    while (size_ != 0) pop_back();
  }

  static constexpr size_type capacity() noexcept { return N; }
  size_type size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  bool full() const noexcept { return size_ == N; }

  T* data() noexcept { return std::launder(reinterpret_cast<T*>(storage_)); }
  T const* data() const noexcept { return std::launder(reinterpret_cast<T const*>(storage_)); }
  iterator begin() noexcept { return data(); }
  iterator end() noexcept { return data() + size_; }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size_; }

  /// The value at `index`, which must be less than `size()`.
  T& operator[](size_type index) noexcept { return data()[index]; }
  T const& operator[](size_type index) const noexcept { return data()[index]; }
  T& back() noexcept { return data()[size_ - 1]; }
  T const& back() const noexcept { return data()[size_ - 1]; }

  friend bool operator==(fixed_vector const& a, fixed_vector const& b) {
    if (a.size_ != b.size_) return false;
    for (size_type i = 0; i < a.size_; ++i)
      if (!(a[i] == b[i])) return false;
    return true;
  }
  friend bool operator!=(fixed_vector const& a, fixed_vector const& b) { return !(a == b); }

 private:
  alignas(T) unsigned char storage_[N * sizeof(T)];
  size_type size_ = 0;
};

namespace detail {
template <class T> struct is_fixed_vector : std::false_type {};
template <class T, std::size_t N> struct is_fixed_vector<fixed_vector<T, N>> : std::true_type {};
}  // namespace detail

/// Whether `T` is a `fixed_vector`.
template <class T>
inline constexpr bool is_fixed_vector_v = detail::is_fixed_vector<T>::value;

}  // namespace apidecl

#endif
