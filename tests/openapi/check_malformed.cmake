# Runs the generator on each malformed document of malformed/expected.txt and checks that it
# fails with exit status 1 (an error, not a crash) and says where and why.
#   cmake -DGENERATOR=<apidecl-openapi> -DDIR=<malformed dir> -DOUT=<scratch dir> -P check_malformed.cmake
file(STRINGS ${DIR}/expected.txt lines)
set(failures "")
foreach(line IN LISTS lines)
  if(line MATCHES "^#" OR line STREQUAL "")
    continue()
  endif()
  string(FIND "${line}" "|" bar)
  string(SUBSTRING "${line}" 0 ${bar} document)
  math(EXPR after "${bar} + 1")
  string(SUBSTRING "${line}" ${after} -1 expected)
  execute_process(COMMAND ${GENERATOR} ${DIR}/${document} -o ${OUT}/malformed.hpp
    RESULT_VARIABLE status ERROR_VARIABLE diagnostic)
  string(FIND "${diagnostic}" "${expected}" at)
  if(NOT status EQUAL 1 OR at EQUAL -1)
    string(APPEND failures "${document}: exit status ${status}, said:\n${diagnostic}\nexpected: ${expected}\n")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "${failures}")
endif()
