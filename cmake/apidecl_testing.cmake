# What apidecl's own tests and examples share. The library targets carry none of
# these flags, so users keep control over their warnings and sanitizers.
option(APIDECL_WERROR "Turn warnings into errors in tests and examples" OFF)
set(APIDECL_SANITIZE "" CACHE STRING "Sanitizers for tests and examples, e.g. address,undefined")
option(APIDECL_NO_EXCEPTIONS "Build tests and examples with -fno-exceptions -fno-rtti" OFF)

add_library(apidecl_test_options INTERFACE)
target_compile_options(apidecl_test_options INTERFACE -Wall -Wextra -Wpedantic)
if(APIDECL_WERROR)
  target_compile_options(apidecl_test_options INTERFACE -Werror)
endif()
if(APIDECL_SANITIZE)
  set(apidecl_sanitize_flags
    -fsanitize=${APIDECL_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(apidecl_test_options INTERFACE ${apidecl_sanitize_flags})
  target_link_options(apidecl_test_options INTERFACE ${apidecl_sanitize_flags})
endif()
if(APIDECL_NO_EXCEPTIONS)
  target_compile_options(apidecl_test_options INTERFACE -fno-exceptions -fno-rtti)
endif()

# Reads a list of sources shared with the Meson build: one path per line,
# blank lines and lines starting with # are skipped.
function(apidecl_read_list file out_var)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(STRINGS ${file} lines)
  set(entries)
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    if(line AND NOT line MATCHES "^#")
      list(APPEND entries ${line})
    endif()
  endforeach()
  set(${out_var} ${entries} PARENT_SCOPE)
endfunction()
