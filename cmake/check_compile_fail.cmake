# Runs one compile-fail test:
#   cmake -DSOURCE=<file> [-DTWIN=ON] -P check_compile_fail.cmake -- <compiler> <flags>...
# Without TWIN it passes iff compiling SOURCE fails, the text of each "// expect: <text>" line
# is on one of the compiler's own diagnostic lines, exactly N lines match "error:", N being
# given by an "// expect-errors: N" line (default 1), which shows only the intended error came up,
# the first of them holds "apidecl:" (the library's own message, not an error deep inside it), and
# the whole output is at most 15 lines, or L given by an "// expect-lines: L" line: a misuse must
# be readable at a glance.
# A diagnostic line starts at a location and says error:, note:, "required from/by" or "In
# instantiation/substitution of"; the source lines the compiler echoes below a diagnostic do
# not count, since they often hold the very words expected (the name in a static_assert).
# With TWIN it passes iff SOURCE compiles with APIDECL_TWIN defined (the fixed code).
# Expected texts are plain substrings; they cannot hold a semicolon (a CMake list separator).

include(${CMAKE_CURRENT_LIST_DIR}/command_after_dashes.cmake)
apidecl_command_after_dashes(command)
if(NOT SOURCE OR NOT command)
  message(FATAL_ERROR "usage: cmake -DSOURCE=<file> [-DTWIN=ON] -P ${CMAKE_SCRIPT_MODE_FILE} -- <compiler> <flags>...")
endif()
if(TWIN)
  list(APPEND command -DAPIDECL_TWIN)
endif()
list(APPEND command -fsyntax-only -fdiagnostics-color=never ${SOURCE})

set(ENV{LC_ALL} C) # GCC quotes with plain ' instead of Unicode quotes
execute_process(COMMAND ${command} RESULT_VARIABLE result
  OUTPUT_VARIABLE output ERROR_VARIABLE output)

# Prints the compiler's output verbatim (FATAL_ERROR would rewrap it), then fails.
function(fail why)
  list(JOIN command " " command_line)
  message(NOTICE "${command_line}\n${output}")
  message(FATAL_ERROR "${SOURCE}: ${why}")
endfunction()

if(TWIN)
  if(NOT result EQUAL 0)
    fail("the twin (APIDECL_TWIN defined) must compile but does not.")
  endif()
  return()
endif()

file(STRINGS ${SOURCE} expects REGEX "^[ \t]*//[ \t]*expect:")
file(STRINGS ${SOURCE} expect_errors REGEX "^[ \t]*//[ \t]*expect-errors:[ \t]*[0-9]+")
file(STRINGS ${SOURCE} expect_lines REGEX "^[ \t]*//[ \t]*expect-lines:[ \t]*[0-9]+")
if(NOT expects)
  message(FATAL_ERROR "${SOURCE} has no \"// expect: <text>\" line.")
endif()
set(want_errors 1)
if(expect_errors MATCHES "expect-errors:[ \t]*([0-9]+)")
  set(want_errors ${CMAKE_MATCH_1})
endif()
set(max_lines 15)
if(expect_lines MATCHES "expect-lines:[ \t]*([0-9]+)")
  set(max_lines ${CMAKE_MATCH_1})
endif()

# Lines as a list: a ';' would split one, so each stands in as a unit separator (an expected
# text holds none). GCC echoes source after a "NN |" gutter, Clang as it is, possibly from column
# 0: a diagnostic line is told by its leading location and the words after it.
string(ASCII 31 unit_separator)
string(REPLACE ";" "${unit_separator}" flat "${output}")
string(REGEX MATCHALL "[^\n]+" lines "${flat}")
set(diagnostic_lines)
foreach(line IN LISTS lines)
  if(line MATCHES "^[^ \t].*: (fatal error|error|warning|note): "
      OR line MATCHES "^[^ \t].*:   required (from|by) "
      OR line MATCHES "^[^ \t].*: In (instantiation|substitution) of ")
    list(APPEND diagnostic_lines "${line}")
  endif()
endforeach()
list(JOIN diagnostic_lines "\n" diagnostics)

set(problems)
if(result EQUAL 0)
  list(APPEND problems "it compiled")
endif()
foreach(expect IN LISTS expects)
  string(REGEX REPLACE "^[ \t]*//[ \t]*expect:" "" text "${expect}")
  string(STRIP "${text}" text)
  string(FIND "${diagnostics}" "${text}" at)
  if(at EQUAL -1)
    string(FIND "${flat}" "${text}" anywhere)
    if(anywhere EQUAL -1)
      list(APPEND problems "the output lacks \"${text}\"")
    else()
      list(APPEND problems "\"${text}\" is only on lines that are not the compiler's diagnostics (echoed source)")
    endif()
  endif()
endforeach()
# Count lines, not matches.
string(REGEX MATCHALL "[^\n]*error:[^\n]*" error_lines "${flat}")
list(LENGTH error_lines errors)
if(NOT errors EQUAL want_errors)
  list(APPEND problems "${errors} lines match \"error:\", expected ${want_errors}")
endif()
if(error_lines)
  list(GET error_lines 0 first_error)
  if(NOT first_error MATCHES "apidecl:")
    list(APPEND problems "the first error does not hold \"apidecl:\"")
  endif()
endif()
list(LENGTH lines line_count)
if(line_count GREATER max_lines)
  list(APPEND problems "the output is ${line_count} lines, more than ${max_lines}")
endif()

if(problems)
  list(JOIN problems "; " problems)
  fail("${problems}.")
endif()
