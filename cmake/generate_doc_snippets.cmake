# Writes the translation units that compile the "<!-- compile -->" blocks of the documentation,
# one per page that has any (see doc_snippets.cmake), and prints their paths.
#   cmake -DROOT=<source dir> -DOUTPUT_DIR=<dir> -P generate_doc_snippets.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT ROOT OR NOT OUTPUT_DIR)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -DOUTPUT_DIR=<dir> -P ${CMAKE_SCRIPT_MODE_FILE}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/doc_snippets.cmake)
apidecl_doc_pages(${ROOT} pages)
file(MAKE_DIRECTORY ${OUTPUT_DIR})
apidecl_generate_doc_units(${ROOT} "${pages}" ${OUTPUT_DIR} units)
foreach(unit IN LISTS units)
  message(STATUS "${unit}")
endforeach()
