# Optional precompiled headers for the heaviest third-party headers
# (nlohmann/json, GoogleTest). Off by default: the README's build compiles every
# file on its own, so a file that forgets an #include still fails there. The
# sanitizer builds turn it on, where build time is most of CI's time.
option(FLOWII_PRECOMPILE_HEADERS "Precompile nlohmann/json and GoogleTest headers for the big targets" OFF)

# flowii_precompile_headers(<target>...): targets that do not exist are skipped.
function(flowii_precompile_headers)
  if(NOT FLOWII_PRECOMPILE_HEADERS)
    return()
  endif()
  foreach(target IN LISTS ARGN)
    if(NOT TARGET ${target})
      continue()
    endif()
    set(headers <string> <vector> <map> <memory> <functional> <nlohmann/json.hpp>)
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "EXECUTABLE")
      list(APPEND headers <gmock/gmock.h> <gtest/gtest.h>)
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
  endforeach()
endfunction()
