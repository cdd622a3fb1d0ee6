#ifndef APIDECL_SERIALIZER_DETAIL_FIELD_TABLE_HPP
#define APIDECL_SERIALIZER_DETAIL_FIELD_TABLE_HPP

#include <apidecl/detail/type_list.hpp>
#include <apidecl/serializer/fields.hpp>

#include <array>
#include <string_view>
#include <type_traits>
#include <utility>

// A struct's fields as data, for a serializer whose per-body code should be a table rather than
// code: `field_table<T, Entry>` is a constexpr array holding, for each field in declaration order,
// `Entry::template make<FieldType, WireName>()` (`WireName::value`: the field's wire name, a
// constant, so an entry may point at data made from it at compile time), and
// `field_addresses(value)` the fields' addresses in the same order. Non-template code then walks both and calls a function per field *type*, so
// a body type costs the compiler a table and one short function, not a copy of its fields'
// decoding (benchmarks/README.md, compile cost).
namespace apidecl::detail {

template <class T, class Entry, class... Key, class... Member>
constexpr auto hana_field_table(type_list<Key...>, type_list<Member...>) noexcept {
  return std::array<Entry, sizeof...(Key)>{
      {Entry::template make<std::decay_t<decltype(Member{}(std::declval<T&>()))>, field_wire_name<T, Key>>()...}};
}
template <class T, class Entry, template <class...> class List, class... Descriptors>
constexpr auto described_field_table(List<Descriptors...>) noexcept {
  return std::array<Entry, sizeof...(Descriptors)>{
      {Entry::template make<std::decay_t<decltype(std::declval<T&>().*Descriptors::pointer)>,
                            field_wire_name<T, Descriptors>>()...}};
}
template <class T, class Entry>
constexpr auto make_field_table() noexcept {
  check_field_lists<T>();
  if constexpr (is_described_v<T>) return described_field_table<T, Entry>(described_members<T>{});
  else return hana_field_table<T, Entry>(typename hana_fields_t<T>::keys{}, typename hana_fields_t<T>::members{});
}

/// One `Entry` per field of the struct `T`, in declaration order.
template <class T, class Entry>
inline constexpr auto field_table = make_field_table<T, Entry>();

// `void*` for a mutable struct, `void const*` for a const one.
template <class T>
using field_address = std::conditional_t<std::is_const_v<T>, void const*, void*>;

template <class T, class... Member>
std::array<field_address<T>, sizeof...(Member)> hana_field_addresses(T& value, type_list<Member...>) noexcept {
  return {{static_cast<field_address<T>>(&Member{}(value))...}};
}
template <class T, template <class...> class List, class... Descriptors>
std::array<field_address<T>, sizeof...(Descriptors)> described_field_addresses(T& value, List<Descriptors...>) noexcept {
  return {{static_cast<field_address<T>>(&(value.*Descriptors::pointer))...}};
}

/// The addresses of the fields of the struct `value`, in the order of `field_table`.
template <class T>
auto field_addresses(T& value) noexcept {
  using plain = std::remove_const_t<T>;
  if constexpr (is_described_v<plain>) return described_field_addresses(value, described_members<plain>{});
  else return hana_field_addresses(value, typename hana_fields_t<plain>::members{});
}

}  // namespace apidecl::detail

#endif
