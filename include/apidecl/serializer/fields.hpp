#ifndef APIDECL_SERIALIZER_FIELDS_HPP
#define APIDECL_SERIALIZER_FIELDS_HPP

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/hana/accessors.hpp>
#include <boost/hana/concept/struct.hpp>
#include <boost/hana/pair.hpp>
#include <boost/hana/string.hpp>
#include <boost/hana/tuple.hpp>

#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/secret_fields.hpp>

#include <array>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

/// What serializers need to know of a body type: its fields, and each field's name on the wire.
///
/// A body type is a Hana Struct (`BOOST_HANA_DEFINE_STRUCT` in the struct, or
/// `BOOST_HANA_ADAPT_STRUCT` beside it) or a struct described with Boost.Describe
/// (`BOOST_DESCRIBE_STRUCT(T, (), (member, ...))` beside it), whose public members are its fields.
/// Describe costs the compiler far less per struct than Hana, which matters in a catalog of many
/// bodies (before C++20, Clang's -Wpedantic flags Describe's macros:
/// -Wgnu-zero-variadic-macro-arguments). A field's wire name is its C++ name unless the struct renames it, once, next to its
/// members:
///
///     struct task {
///       BOOST_HANA_DEFINE_STRUCT(task, (std::string, task_id));
///       static constexpr apidecl::wire_name wire_names[] = {{"task_id", "TaskId"}};
///     };
///
/// `std::optional` fields may be absent; every other field is required when decoding.
///
/// A field may be declared secret (secret_fields.hpp).
namespace apidecl {

/// A field whose name on the wire differs from its C++ name.
struct wire_name {
  std::string_view member;
  std::string_view wire;
};

namespace detail {
template <class T, class = void>
struct has_wire_names : std::false_type {};
template <class T>
struct has_wire_names<T, std::void_t<decltype(T::wire_names)>> : std::true_type {};

template <class T>
inline constexpr bool is_described_v = boost::describe::has_describe_members<T>::value;
template <class T>
using described_members = boost::describe::describe_members<T, boost::describe::mod_public>;

// A field's key: a Hana compile-time string, or a Describe member descriptor.
template <class Key, class = void>
struct is_describe_descriptor : std::false_type {};
template <class Key>
struct is_describe_descriptor<Key, std::void_t<decltype(Key::name), decltype(Key::pointer)>> : std::true_type {};

template <class Key>
constexpr std::string_view key_text() noexcept {
  if constexpr (is_describe_descriptor<Key>::value) return Key::name;
  else return boost::hana::to<char const*>(Key{});
}

// A Hana Struct's fields read from the type of its accessors, which BOOST_HANA_DEFINE_STRUCT and
// BOOST_HANA_ADAPT_STRUCT make a tuple of (name, member pointer) pairs: keys and members are then
// types, and reading a field instantiates no Hana algorithm (each use of hana::for_each or
// hana::unpack is compile time, paid for every body type and every function that reads one).
// Accessors of another kind are not supported.
template <class Accessors>
struct hana_fields;
template <class... Key, class... Member>
struct hana_fields<boost::hana::tuple<boost::hana::pair<Key, Member>...>> {
  static_assert((std::is_empty_v<Member> && ...),
                "apidecl: a Hana Struct's accessors must be member pointers, as BOOST_HANA_DEFINE_STRUCT and "
                "BOOST_HANA_ADAPT_STRUCT make them");
  using keys = type_list<Key...>;
  using members = type_list<Member...>;
};
template <class T>
using hana_fields_t = hana_fields<std::decay_t<decltype(boost::hana::accessors<T>())>>;

// Describe's member lists are type lists of descriptors, each with a static name and pointer.
template <template <class...> class List, class... Descriptors>
constexpr auto described_names(List<Descriptors...>) noexcept {
  return std::array<std::string_view, sizeof...(Descriptors)>{std::string_view(Descriptors::name)...};
}

template <class... Key>
constexpr auto key_names(type_list<Key...>) noexcept {
  return std::array<std::string_view, sizeof...(Key)>{key_text<Key>()...};
}

template <class T>
constexpr auto member_names() noexcept {
  if constexpr (is_described_v<T>) return described_names(described_members<T>{});
  else return key_names(typename hana_fields_t<T>::keys{});
}

template <class T>
constexpr bool secret_fields_name_members() noexcept {
  if constexpr (has_secret_fields_v<T>) {
    constexpr auto members = member_names<T>();
    for (std::string_view secret : T::secret_fields) {
      bool found = false;
      for (std::string_view member : members) found = found || member == secret;
      if (!found) return false;
    }
  }
  return true;
}

template <class T>
constexpr bool wire_names_name_members() noexcept {
  if constexpr (has_wire_names<T>::value) {
    constexpr auto members = member_names<T>();
    for (wire_name const& entry : T::wire_names) {
      bool found = false;
      for (std::string_view member : members) found = found || member == entry.member;
      if (!found) return false;
    }
  }
  return true;
}

// What every reader of a struct's fields checks first: that its lists name its members.
template <class T>
constexpr void check_field_lists() noexcept {
  static_assert(wire_names_name_members<T>(), "apidecl: an entry of wire_names names no field of the struct");
  static_assert(secret_fields_name_members<T>(), "apidecl: an entry of secret_fields names no field of the struct");
}

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T, class A> struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T> struct is_variant : std::false_type {};
template <class... Alternatives> struct is_variant<std::variant<Alternatives...>> : std::true_type {};
template <class T, template <class...> class List, class... Descriptors>
constexpr auto described_types(List<Descriptors...>) noexcept {
  return type_list<std::decay_t<decltype(std::declval<T&>().*Descriptors::pointer)>...>{};
}
template <class T, class... Member>
constexpr auto member_types(type_list<Member...>) noexcept {
  return type_list<std::decay_t<decltype(Member{}(std::declval<T&>()))>...>{};
}
template <class T>
constexpr auto field_types() noexcept {
  if constexpr (is_described_v<T>) return described_types<T>(described_members<T>{});
  else return member_types<T>(typename hana_fields_t<T>::members{});
}
}  // namespace detail

/// The field types of the struct `T`, as a `detail::type_list`.
template <class T>
using field_types_t = decltype(detail::field_types<T>());

/// Whether `T` is a Hana Struct or a described struct, which serializers read field by field.
template <class T>
inline constexpr bool is_struct_v = boost::hana::Struct<T>::value || detail::is_described_v<T>;

/// Whether a field of type `T` may be absent.
template <class T>
inline constexpr bool is_optional_v = detail::is_optional<T>::value;

/// The wire name of `T`'s field `member`.
template <class T>
constexpr std::string_view wire_name_of(std::string_view member) noexcept {
  if constexpr (detail::has_wire_names<T>::value)
    for (wire_name const& entry : T::wire_names)
      if (entry.member == member) return entry.wire;
  return member;
}

/// The wire name of the field `Key` of `T`: a std::string_view whose type also carries the text, as
/// `value`, so that a serializer can work on it at compile time.
template <class T, class Key>
struct field_wire_name : std::string_view {
  static constexpr std::string_view value = wire_name_of<T>(detail::key_text<Key>());
  constexpr field_wire_name() noexcept : std::string_view(value) {}
};

namespace detail {
template <class Plain, class T, class F, template <class...> class List, class... Descriptors>
void for_each_described(T& value, F& f, List<Descriptors...>) {
  (f(field_wire_name<Plain, Descriptors>{}, value.*Descriptors::pointer), ...);
}
template <class Plain, class T, class F, class... Key, class... Member>
void for_each_hana_field(T& value, F& f, type_list<Key...>, type_list<Member...>) {
  (f(field_wire_name<Plain, Key>{}, Member{}(value)), ...);
}
}  // namespace detail

/// Calls `f(wire_name, field)` for each field of the struct `value`, in declaration order;
/// `wire_name` is a `field_wire_name`, which converts to std::string_view.
template <class T, class F>
void for_each_field(T& value, F&& f) {
  using plain = std::remove_const_t<T>;
  detail::check_field_lists<plain>();
  if constexpr (detail::is_described_v<plain>) {
    detail::for_each_described<plain>(value, f, detail::described_members<plain>{});
  } else {
    using fields = detail::hana_fields_t<plain>;
    detail::for_each_hana_field<plain>(value, f, typename fields::keys{}, typename fields::members{});
  }
}

namespace detail {
template <class T, class... Seen>
constexpr bool holds_secret_fields() noexcept;

template <class... Seen, class... Field>
constexpr bool any_holds_secret_fields(type_list<Field...>) noexcept {
  return (holds_secret_fields<Field, Seen...>() || ...);
}
template <class... Seen, class... Alternative>
constexpr bool any_holds_secret_fields(std::variant<Alternative...> const*) noexcept {
  return (holds_secret_fields<Alternative, Seen...>() || ...);
}

// `Seen` are the structs whose fields are being looked through, so that a struct holding a
// vector of its own type ends the search instead of recursing for ever.
template <class T, class... Seen>
constexpr bool holds_secret_fields() noexcept {
  if constexpr ((std::is_same_v<T, Seen> || ...)) return false;
  else if constexpr (has_secret_fields_v<T>) return true;
  else if constexpr (is_optional<T>::value || is_vector<T>::value)
    return holds_secret_fields<typename T::value_type, Seen...>();
  else if constexpr (is_variant<T>::value) return any_holds_secret_fields<Seen...>(static_cast<T const*>(nullptr));
  else if constexpr (is_struct_v<T>) return any_holds_secret_fields<T, Seen...>(field_types_t<T>{});
  else return false;
}
}  // namespace detail

/// Whether a body of type `T` holds a field declared secret anywhere: in `T` itself, or in a
/// struct it holds (as a field, in an optional, a vector or a variant), at any depth. Such a body
/// is shown as `***` whole (secret_fields.hpp).
template <class T>
inline constexpr bool holds_secret_fields_v = detail::holds_secret_fields<T>();

}  // namespace apidecl

#endif
