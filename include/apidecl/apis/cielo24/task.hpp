#ifndef APIDECL_APIS_CIELO24_TASK_HPP
#define APIDECL_APIS_CIELO24_TASK_HPP

#include <apidecl/serializer/fields.hpp>

#include <boost/hana/define_struct.hpp>

#include <string>

namespace apidecl::cielo24 {

/// The body of job actions that start a task: `{"TaskId": "<hex>"}`.
struct task {
  BOOST_HANA_DEFINE_STRUCT(task,
    (std::string, task_id)
  );
  static constexpr wire_name wire_names[] = {{"task_id", "TaskId"}};
};

}  // namespace apidecl::cielo24

#endif
