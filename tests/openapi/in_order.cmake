# Runs commands one after the other, each only if the one before succeeded: what the CMake build's
# tests get from CTest fixtures (a program writes a document, a check reads it), for Meson, which
# has none.
#   cmake -P in_order.cmake -- <command> [<argument>...] [then <command> [<argument>...]]...
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/command_after_dashes.cmake)
apidecl_command_after_dashes(words)
set(command)
list(APPEND words then)
foreach(word IN LISTS words)
  if(NOT word STREQUAL "then")
    list(APPEND command "${word}")
    continue()
  endif()
  execute_process(COMMAND ${command} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    list(JOIN command " " shown)
    message(FATAL_ERROR "${shown}: exit status ${status}")
  endif()
  set(command)
endforeach()
