# Runs openapi_check round-trip on mismatch/document.yaml against mismatch/exported.json and
# checks that it fails reporting exactly the problems of mismatch/expected.txt: the round trip
# sees a difference in a body's shape, not only in operations, parameters and statuses.
#   cmake -DCHECK=<openapi_check> -DDIR=<mismatch dir> -P check_mismatch.cmake
execute_process(COMMAND ${CHECK} round-trip ${DIR}/document.yaml ${DIR}/exported.json
  RESULT_VARIABLE status OUTPUT_VARIABLE output)
file(STRINGS ${DIR}/expected.txt lines)
set(expected "")
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^#" AND NOT line STREQUAL "")
    string(APPEND expected "problem: ${line}\n")
  endif()
endforeach()
string(REGEX MATCHALL "problem: [^\n]*\n" reported "${output}")
string(JOIN "" reported ${reported})
if(NOT status EQUAL 1 OR NOT reported STREQUAL expected)
  message(FATAL_ERROR "exit status ${status}, reported:\n${reported}expected:\n${expected}")
endif()
