# Runs an example and checks what it printed:
#   cmake -DEXPECTED=<file> -P check_output.cmake -- <command> [<argument>...]
# Passes iff the command exits with 0 and the lines it prints to stdout are the lines of EXPECTED,
# in any order (a non-blocking example reports each call as its answer arrives), one for one.
# Each line of EXPECTED is the text expected, in which "{}" stands for any text, as in the format
# strings that print it; empty lines are skipped on both sides.

include(${CMAKE_CURRENT_LIST_DIR}/../cmake/command_after_dashes.cmake)
apidecl_command_after_dashes(command)
if(NOT EXPECTED OR NOT command)
  message(FATAL_ERROR "usage: cmake -DEXPECTED=<file> -P ${CMAKE_SCRIPT_MODE_FILE} -- <command> [<argument>...]")
endif()

execute_process(COMMAND ${command} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
file(READ ${EXPECTED} expected)

# Lines as lists: a ';' would split one, so each stands in as a unit separator.
string(ASCII 31 unit_separator)
function(lines_of text out_var)
  string(REPLACE ";" "${unit_separator}" text "${text}")
  string(REGEX MATCHALL "[^\n]+" lines "${text}")
  set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()
lines_of("${output}" printed)
lines_of("${expected}" wanted)

set(problems)
if(NOT result EQUAL 0)
  list(APPEND problems "it exited with ${result}")
endif()
set(unmatched ${printed})
foreach(line IN LISTS wanted)
  string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" pattern "${line}")
  string(REPLACE "{}" ".*" pattern "${pattern}")
  set(found OFF)
  foreach(candidate IN LISTS unmatched)
    if(candidate MATCHES "^${pattern}$")
      list(FIND unmatched "${candidate}" at)
      list(REMOVE_AT unmatched ${at})
      set(found ON)
      break()
    endif()
  endforeach()
  if(NOT found)
    list(APPEND problems "no line printed is \"${line}\"")
  endif()
endforeach()
foreach(line IN LISTS unmatched)
  list(APPEND problems "\"${line}\" was printed, and is not expected")
endforeach()

if(problems)
  list(JOIN command " " command_line)
  message(NOTICE "${command_line}\n${output}${errors}")
  list(JOIN problems "\n  " problems)
  string(REPLACE "${unit_separator}" ";" problems "${problems}")
  message(FATAL_ERROR "${EXPECTED}:\n  ${problems}")
endif()
