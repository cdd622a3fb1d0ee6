// An endpoint that takes exactly one of a password or a key refuses a call giving neither; the
// error names the endpoint and its alternatives.
// expect: call_gives_none_of_its_alternatives
// expect: log_in
// expect: give one
#include <apidecl/core/build.hpp>

#include <array>
#include <string_view>

struct user : apidecl::query<std::string_view> {
  static constexpr std::string_view name = "user";
};
struct password : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
  static constexpr std::string_view name = "password";
};
struct key : apidecl::query<std::string_view, apidecl::optional, apidecl::secret> {
  static constexpr std::string_view name = "key";
};
struct log_in {
  static constexpr apidecl::method method = apidecl::method::get;
  static constexpr std::string_view path = "/login";
  using params = apidecl::params<user, password, key>;
  using exactly_one_of = apidecl::params<password, key>;
  using responses = apidecl::responses<apidecl::on<204>>;
};
inline constexpr apidecl::keyword<user> user_arg{};
inline constexpr apidecl::keyword<key> key_arg{};

int main() {
  std::array<char, 128> buffer;
#ifdef APIDECL_TWIN
  auto built = apidecl::build(log_in{}, buffer, user_arg = "ann", key_arg = "k1");
#else
  auto built = apidecl::build(log_in{}, buffer, user_arg = "ann");
#endif
  return built ? 0 : 1;
}
