#ifndef APIDECL_APIS_CIELO24_TASK_HPP
#define APIDECL_APIS_CIELO24_TASK_HPP

#include <apidecl/serializer/fields.hpp>

#include <boost/describe/class.hpp>

#include <string>

// BOOST_DESCRIBE_STRUCT(T, (), (...)) passes an empty argument list, which Clang's -Wpedantic
// flags before C++20. Describe, not Hana: it costs the compiler a fraction per field.
#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-zero-variadic-macro-arguments"
#endif

namespace apidecl::cielo24 {

/// The body of job actions that start a task: `{"TaskId": "<hex>"}`.
struct task {
  std::string task_id;
  static constexpr wire_name wire_names[] = {{"task_id", "TaskId"}};
};
BOOST_DESCRIBE_STRUCT(task, (), (task_id))

}  // namespace apidecl::cielo24

#if defined(__clang__) && __cplusplus < 202002L
#pragma clang diagnostic pop
#endif

#endif
