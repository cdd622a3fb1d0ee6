#ifndef APIDECL_RETRY_RETRYABLE_STATUSES_HPP
#define APIDECL_RETRY_RETRYABLE_STATUSES_HPP

#include <apidecl/detail/type_list.hpp>

#include <cstddef>
#include <type_traits>

/// Which response statuses are worth sending a request again for. An endpoint may declare its own
///
///     static constexpr int retryable_statuses[] = {429, 503};
///
/// in place of the default 408, 429, 500, 502, 503 and 504; `endpoint_retryable_statuses_v` reads
/// it, and the client passes it to the Retry policy in each `apidecl::attempt`.
namespace apidecl {

/// Whether a response status can be retryable at all: 408 Request Timeout, 425 Too Early, 429 Too
/// Many Requests and the 5xx server errors. Any other 4xx says the request itself is wrong or
/// conflicts with the resource's state (onDemand's 409 carries the corrected quote to act on), so
/// the same bytes would get the same answer. A constant list naming one does not compile; the
/// safety rules ignore one in a set built at run time.
constexpr bool status_may_be_retried(int status) noexcept {
  return status == 408 || status == 425 || status == 429 || (status >= 500 && status <= 599);
}

/// A set of response statuses: a view of a static array of codes.
class status_set {
 public:
  template <std::size_t N>
  constexpr status_set(int const (&codes)[N]) noexcept : codes_(codes), size_(N) {}  // NOLINT: a view of the array

  constexpr bool contains(int status) const noexcept {
    for (int code : *this)
      if (code == status) return true;
    return false;
  }
  constexpr int const* begin() const noexcept { return codes_; }
  constexpr int const* end() const noexcept { return codes_ + size_; }
  constexpr std::size_t size() const noexcept { return size_; }

 private:
  int const* codes_;
  std::size_t size_;
};

namespace detail {
inline constexpr int default_retryable_codes[] = {408, 429, 500, 502, 503, 504};
}  // namespace detail

/// The statuses retried unless the endpoint or the policy says otherwise.
inline constexpr status_set default_retryable_statuses = detail::default_retryable_codes;

namespace diagnostic {
template <class Where, int Status> inline constexpr bool status_is_never_retried = false;
template <class Endpoint> inline constexpr bool retryable_statuses_is_not_an_int_array = false;
}  // namespace diagnostic

namespace detail {
template <class E, class = void>
struct declares_retryable_statuses : std::false_type {};
template <class E>
struct declares_retryable_statuses<E, std::void_t<decltype(E::retryable_statuses)>> : std::true_type {};

template <class T>
inline constexpr bool is_int_array_v =
    std::is_array_v<T> && std::is_same_v<std::remove_cv_t<std::remove_extent_t<T>>, int>;

/// Makes the error for `Status`, listed as retryable in `Where`, which can never be.
template <class Where, int Status>
void diagnose_never_retried() noexcept {
  static_assert(diagnostic::status_is_never_retried<Where, Status>,
                "apidecl: a retryable status must be 408, 425, 429 or 5xx: any other 4xx would get the same answer "
                "again");
}

/// The index of the first code in `codes` that can never be retryable, or N.
template <std::size_t N>
constexpr std::size_t first_never_retried(int const (&codes)[N]) noexcept {
  std::size_t i = 0;
  while (i < N && status_may_be_retried(codes[i])) ++i;
  return i;
}

// The endpoint's own list, or the default (also for a list of the wrong type, which
// diagnose_retryable_statuses reports).
template <class Endpoint>
constexpr status_set retryable_statuses_of() noexcept {
  if constexpr (!declares_retryable_statuses<Endpoint>::value) return default_retryable_statuses;
  else if constexpr (!is_int_array_v<decltype(Endpoint::retryable_statuses)>) return default_retryable_statuses;
  else return Endpoint::retryable_statuses;
}
}  // namespace detail

/// The statuses a request to `Endpoint` is retried after: its `retryable_statuses`, or the default.
template <class Endpoint>
inline constexpr status_set endpoint_retryable_statuses_v = detail::retryable_statuses_of<Endpoint>();

namespace detail {
/// Makes the one compiler error that says what is wrong with the retryable statuses `Endpoint`
/// declares, if anything: every entry point that reads them calls this first.
template <class Endpoint>
void diagnose_retryable_statuses() noexcept {
  if constexpr (declares_retryable_statuses<Endpoint>::value) {
    if constexpr (!is_int_array_v<decltype(Endpoint::retryable_statuses)>) {
      static_assert(diagnostic::retryable_statuses_is_not_an_int_array<Endpoint>,
                    "apidecl: an endpoint's retryable statuses are declared as "
                    "'static constexpr int retryable_statuses[] = {...};'");
    } else {
      constexpr std::size_t bad = first_never_retried(Endpoint::retryable_statuses);
      if constexpr (bad < std::extent_v<decltype(Endpoint::retryable_statuses)>)
        diagnose_never_retried<Endpoint, Endpoint::retryable_statuses[bad]>();
    }
  }
}
}  // namespace detail

}  // namespace apidecl

#endif
