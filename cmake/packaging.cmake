# Binary packages with CPack, from a top-level build only (a project that pulls
# flowii in with add_subdirectory/FetchContent keeps its own CPack settings):
#   cpack -G DEB --config build/CPackConfig.cmake
# gives flowii_<version>_<arch>.deb with everything `cmake --install` installs:
# the library, headers, CMake and pkg-config files, the flowii tool,
# flowii-emulator and the emulator and testing kit libraries.
if(NOT PROJECT_IS_TOP_LEVEL)
  return()
endif()

set(CPACK_PACKAGE_NAME flowii)
set(CPACK_PACKAGE_VENDOR "The flowii-cpp Authors")
set(CPACK_PACKAGE_CONTACT "The flowii-cpp Authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# A Debian package installs into /usr; CMake then finds flowii with no hint.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Programs without their debug info, as Debian ships them (static libraries keep
# theirs: configure with -DCMAKE_BUILD_TYPE=Release for a small package).
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION libdevel)
# The binaries' shared libraries come from dpkg-shlibdeps. The static library
# and the CMake package need the development packages of its dependencies at
# the consumer's link time (flowiiConfig.cmake looks for them).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libcurl4-openssl-dev, nlohmann-json3-dev (>= 3.11)")
# Only the optional components (flowii::emulator, flowii::testing) need these.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libcpp-httplib-dev, libgtest-dev, libgmock-dev, pkg-config, cmake")
set(CPACK_GENERATOR DEB)
include(CPack)
