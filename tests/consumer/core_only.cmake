# Hides the libraries of apidecl's adapters from a whole build, as on a machine that lacks them:
# `cmake -C core_only.cmake ...`, or included by a consumer project here configured with CORE_ONLY.
# boost_json is the package Boost's config looks for when asked for its json component.
foreach(package boost_json pugixml CURL OpenSSL)
  set(CMAKE_DISABLE_FIND_PACKAGE_${package} ON CACHE BOOL "Hidden: apidecl's core must not need it")
endforeach()
