# Used by the build and by the installed package config alike, so that both ask for the same
# versions. Sets out_var to the targets an adapter links (boost_json, pugixml, curl, openssl or asio)
# if its libraries are found, else to "". Quiet: a missing library only leaves that adapter out.
# Hiding a library (CMAKE_DISABLE_FIND_PACKAGE_<package>) leaves its adapter out too; the packages
# are Boost's boost_json (what Boost's config looks for when asked for json), pugixml, CURL, OpenSSL
# (which asio needs too) and Threads.
function(apidecl_find_adapter name out_var)
  set(library "")
  if(name STREQUAL "boost_json")
    find_package(Boost 1.81 CONFIG QUIET OPTIONAL_COMPONENTS json)
    if(Boost_json_FOUND)
      set(library Boost::json)
    endif()
  elseif(name STREQUAL "pugixml")
    # pugixml 1.11 and later name their target pugixml::pugixml; earlier ones only pugixml.
    find_package(pugixml CONFIG QUIET)
    if(TARGET pugixml::pugixml)
      set(library pugixml::pugixml)
    elseif(pugixml_FOUND AND TARGET pugixml)
      set(library pugixml)
    endif()
  elseif(name STREQUAL "curl")
    find_package(CURL 7.68 QUIET)
    if(CURL_FOUND)
      set(library CURL::libcurl)
    endif()
  elseif(name STREQUAL "openssl")
    # Only libcrypto, for SHA-256 in request signing.
    find_package(OpenSSL 1.1 QUIET COMPONENTS Crypto)
    if(OpenSSL_FOUND)
      set(library OpenSSL::Crypto)
    endif()
  elseif(name STREQUAL "asio")
    # Boost.Asio is header-only and comes with Boost's headers; its TLS stream needs libssl, and
    # Asio itself threads (its resolver works on a thread of its own).
    find_package(OpenSSL 1.1 QUIET COMPONENTS SSL)
    find_package(Threads QUIET)
    if(OpenSSL_SSL_FOUND AND Threads_FOUND)
      set(library OpenSSL::SSL Threads::Threads)
    endif()
  else()
    message(FATAL_ERROR "apidecl_find_adapter: no adapter named ${name}")
  endif()
  set(${out_var} "${library}" PARENT_SCOPE)
endfunction()
