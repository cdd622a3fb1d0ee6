# apidecl_generate_openapi(<target> <document> [NAMESPACE <name>] [HEADER <file>] [TEST_PROGRAM <source>])
#
# Makes the header of apidecl descriptors for the OpenAPI document <document> (JSON or YAML) at
# build time, again whenever the document or the generator changes, and lets <target> include it:
# `#include "<HEADER>"` (default: the document's name with .hpp). NAMESPACE names the header's
# namespace (default: the document's title in snake_case). TEST_PROGRAM also writes <source>, a
# program that calls every operation through apidecl::mock_transport (write_test_program.hpp).
#
# The generator is the apidecl-openapi target of this build (APIDECL_BUILD_TOOLS), else the
# installed one a find_package(apidecl) imported (apidecl::openapi), else the program
# APIDECL_OPENAPI_EXECUTABLE, found on the PATH.
function(apidecl_generate_openapi target document)
  cmake_parse_arguments(arg "" "NAMESPACE;HEADER;TEST_PROGRAM" "" ${ARGN})
  get_filename_component(document ${document} ABSOLUTE)
  get_filename_component(stem ${document} NAME_WE)
  if(NOT arg_HEADER)
    set(arg_HEADER ${stem}.hpp)
  endif()
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/apidecl_openapi/${target})
  set(header ${dir}/${arg_HEADER})
  set(arguments ${document} -o ${header})
  set(outputs ${header})
  if(arg_NAMESPACE)
    list(APPEND arguments --namespace ${arg_NAMESPACE})
  endif()
  if(arg_TEST_PROGRAM)
    list(APPEND arguments --test-program ${arg_TEST_PROGRAM})
    list(APPEND outputs ${arg_TEST_PROGRAM})
  endif()
  if(TARGET apidecl-openapi)
    set(generator $<TARGET_FILE:apidecl-openapi>)
    set(generator_dependency apidecl-openapi)
  elseif(TARGET apidecl::openapi)
    set(generator $<TARGET_FILE:apidecl::openapi>)
    set(generator_dependency $<TARGET_FILE:apidecl::openapi>)
  else()
    find_program(APIDECL_OPENAPI_EXECUTABLE apidecl-openapi REQUIRED)
    set(generator ${APIDECL_OPENAPI_EXECUTABLE})
    set(generator_dependency ${APIDECL_OPENAPI_EXECUTABLE})
  endif()
  add_custom_command(OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${generator} ${arguments}
    DEPENDS ${document} ${generator_dependency}
    COMMENT "apidecl-openapi: ${arg_HEADER} from ${stem}"
    VERBATIM)
  target_sources(${target} PRIVATE ${header})
  target_include_directories(${target} PRIVATE ${dir})
endfunction()
