# What the CMake consumer projects here share. Each uses apidecl one way (find_package,
# add_subdirectory, FetchContent) and builds `consumer` from main.cpp, which links every adapter.
# With -DCORE_ONLY=ON it hides the adapters' libraries from the whole build instead, as a project
# that lacks them would, checks that no adapter came out, and builds core.cpp on the core alone.
option(CORE_ONLY "Hide the adapters' libraries and use apidecl's core alone" OFF)
set(apidecl_consumer_adapters boost_json pugixml curl openssl)
if(CORE_ONLY)
  include(${CMAKE_CURRENT_LIST_DIR}/core_only.cmake)
endif()

# Adds the consumer program, once apidecl has been found or added.
function(add_apidecl_consumer)
  if(CORE_ONLY)
    foreach(adapter IN LISTS apidecl_consumer_adapters)
      if(TARGET apidecl::${adapter})
        message(FATAL_ERROR "apidecl::${adapter} exists though its library is hidden")
      endif()
    endforeach()
    add_executable(consumer ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/core.cpp)
    target_link_libraries(consumer PRIVATE apidecl::apidecl)
  else()
    add_executable(consumer ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/main.cpp)
    list(TRANSFORM apidecl_consumer_adapters PREPEND apidecl:: OUTPUT_VARIABLE adapter_targets)
    target_link_libraries(consumer PRIVATE apidecl::apidecl ${adapter_targets})
  endif()
endfunction()
