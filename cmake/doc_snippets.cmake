# What check_docs.cmake and generate_doc_snippets.cmake share: finding the pages, reading their
# C++ blocks, and writing the translation unit that compiles a page's "<!-- compile -->" blocks.
#
# A page's C++ is fenced as ```cpp and preceded, on the line just above the fence, by a marker:
#   <!-- snippet: examples/05_no_heap.cpp -->   the block is an excerpt of that file, verbatim
#   <!-- compile -->                            the block is compiled as it stands
# Code is kept in plain variables, never in lists: C++ is full of semicolons.

# The pages whose code is checked, relative to `root`: the README, the examples' index and docs/.
function(apidecl_doc_pages root out_var)
  file(GLOB pages RELATIVE ${root} ${root}/docs/*.md)
  list(SORT pages)
  set(${out_var} README.md examples/README.md ${pages} PARENT_SCOPE)
endfunction()

# Reads the C++ blocks of `file` into `<prefix>_count` and, for i from 1, `<prefix>_<i>_marker`
# (the line above the fence, trimmed), `<prefix>_<i>_code` (the lines between the fences, without
# the last newline) and `<prefix>_<i>_line` (the line number of the block's first line).
function(apidecl_read_doc_blocks file prefix)
  file(READ "${file}" text)
  if(text MATCHES "\n```[ \t]*(c\\+\\+|C\\+\\+|cxx|cc)[ \t]*\n")
    message(FATAL_ERROR "${file}: fence C++ as ```cpp, so that its blocks are checked")
  endif()
  set(count 0)
  set(lines_before 0)  # newlines before `rest`
  set(rest "${text}")
  while(TRUE)
    string(FIND "${rest}" "\n```cpp\n" open)
    if(open EQUAL -1)
      break()
    endif()
    string(SUBSTRING "${rest}" 0 ${open} before)
    string(FIND "${before}" "\n" marker_at REVERSE)
    math(EXPR marker_at "${marker_at} + 1")
    string(SUBSTRING "${before}" ${marker_at} -1 marker)
    string(STRIP "${marker}" marker)

    math(EXPR code_at "${open} + 8")
    string(SUBSTRING "${rest}" ${code_at} -1 after)
    string(FIND "${after}" "\n```" close)
    if(close EQUAL -1)
      message(FATAL_ERROR "${file}: a ```cpp block is not closed")
    endif()
    string(SUBSTRING "${after}" 0 ${close} code)

    string(REGEX MATCHALL "\n" newlines "${before}")
    list(LENGTH newlines n)
    math(EXPR count "${count} + 1")
    math(EXPR first_line "${lines_before} + ${n} + 3")  # the line after "\n```cpp\n"
    set(${prefix}_${count}_marker "${marker}" PARENT_SCOPE)
    set(${prefix}_${count}_code "${code}" PARENT_SCOPE)
    set(${prefix}_${count}_line ${first_line} PARENT_SCOPE)

    math(EXPR consumed "${code_at} + ${close} + 4")
    string(SUBSTRING "${rest}" 0 ${consumed} done)
    string(REGEX MATCHALL "\n" newlines "${done}")
    list(LENGTH newlines n)
    math(EXPR lines_before "${lines_before} + ${n}")
    string(SUBSTRING "${rest}" ${consumed} -1 rest)
  endwhile()
  set(${prefix}_count ${count} PARENT_SCOPE)
endfunction()

# The file name of the translation unit made from `page`: docs/retries.md -> docs_retries.cpp.
function(apidecl_doc_unit_name page out_var)
  string(REGEX REPLACE "\\.md$" ".cpp" name "${page}")
  string(REPLACE "/" "_" name "${name}")
  set(${out_var} ${name} PARENT_SCOPE)
endfunction()

# Writes into `output_dir` one translation unit per page of `pages` (relative to `root`) that has
# "<!-- compile -->" blocks, and sets `out_var` to their paths. A unit includes the umbrella
# header, the API catalogs, the adapters of the libraries the tests link (Boost.JSON, pugixml,
# libcurl, OpenSSL, {fmt}), the response reader and the standard headers the blocks commonly use;
# then each block, in a namespace of its own so that blocks may reuse names, behind a #line
# directive that points compiler messages at the page. A block's own #include lines move to the
# top of the unit (left blank in place, so line numbers hold): a block that needs another header
# shows it.
function(apidecl_generate_doc_units root pages output_dir out_var)
  set(prelude "")
  foreach(header IN ITEMS apidecl/apidecl.hpp apidecl/apis/cielo24/cielo24.hpp apidecl/apis/ondemand/ondemand.hpp
                          apidecl/auth/openssl_sha256.hpp apidecl/core/response_reader.hpp apidecl/fmt/formatters.hpp
                          apidecl/serializer/boost_json.hpp apidecl/serializer/pugixml.hpp apidecl/transport/curl.hpp
                          apidecl/transport/curl_multi.hpp
                          boost/hana/define_struct.hpp fmt/core.h
                          array chrono cstddef cstdint optional string string_view tuple utility vector)
    string(APPEND prelude "#include <${header}>\n")
  endforeach()

  set(units)
  foreach(page IN LISTS pages)
    apidecl_read_doc_blocks(${root}/${page} block)
    set(hoisted "")
    set(body "")
    set(compiled 0)
    set(indices)
    if(block_count GREATER 0)
      foreach(i RANGE 1 ${block_count})
        if(block_${i}_marker STREQUAL "<!-- compile -->")
          list(APPEND indices ${i})
        endif()
      endforeach()
    endif()
    foreach(i IN LISTS indices)
      math(EXPR compiled "${compiled} + 1")
      set(code "${block_${i}_code}\n")
      # Each #include line moves up; an empty line keeps its place.
      while(code MATCHES "(^|\n)(#include[^\n]*)\n")
        string(APPEND hoisted "${CMAKE_MATCH_2}\n")
        string(FIND "${code}" "${CMAKE_MATCH_2}\n" at)
        string(LENGTH "${CMAKE_MATCH_2}" length)
        string(SUBSTRING "${code}" 0 ${at} head)
        math(EXPR tail_at "${at} + ${length}")
        string(SUBSTRING "${code}" ${tail_at} -1 tail)
        set(code "${head}${tail}")
      endwhile()
      string(APPEND body "namespace apidecl_doc_block_${i} {\n#line ${block_${i}_line} \"${page}\"\n${code}}  // namespace apidecl_doc_block_${i}\n\n")
    endforeach()
    if(compiled EQUAL 0)
      continue()
    endif()
    apidecl_doc_unit_name(${page} name)
    set(unit ${output_dir}/${name})
    set(content "// Made from ${page} by cmake/doc_snippets.cmake: its \"<!-- compile -->\" blocks. Do not edit.\n${prelude}${hoisted}\n${body}")
    # Rewritten only when it changes, so that a build does not compile it again for nothing.
    set(old "")
    if(EXISTS ${unit})
      file(READ ${unit} old)
    endif()
    if(NOT old STREQUAL content)
      file(WRITE ${unit} "${content}")
    endif()
    list(APPEND units ${unit})
  endforeach()
  set(${out_var} ${units} PARENT_SCOPE)
endfunction()
