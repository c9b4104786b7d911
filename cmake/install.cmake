# Install rules: the library, its headers, a CMake package (flowii::flowii) and a
# pkg-config file. Consumers: find_package(flowii 0.1 CONFIG REQUIRED).
set(FLOWII_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/flowii)

install(TARGETS flowii EXPORT flowiiTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# include/flowii/testing is installed with flowii::testing (src/testing).
install(DIRECTORY include/flowii DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp"
        PATTERN "testing" EXCLUDE)
install(FILES ${PROJECT_BINARY_DIR}/include/flowii/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/flowii)

install(EXPORT flowiiTargets NAMESPACE flowii:: DESTINATION ${FLOWII_CMAKE_DIR})
# The same targets from the build tree, for consumers that skip installing.
export(EXPORT flowiiTargets NAMESPACE flowii:: FILE ${PROJECT_BINARY_DIR}/flowiiTargets.cmake)

configure_package_config_file(cmake/flowiiConfig.cmake.in ${PROJECT_BINARY_DIR}/flowiiConfig.cmake
  INSTALL_DESTINATION ${FLOWII_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/flowiiConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/flowiiConfig.cmake ${PROJECT_BINARY_DIR}/flowiiConfigVersion.cmake
  DESTINATION ${FLOWII_CMAKE_DIR})

# The .pc file locates the prefix relative to itself, so an install moved with
# `cmake --install --prefix` (or DESTDIR) still works.
file(RELATIVE_PATH FLOWII_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" FLOWII_PC_TO_PREFIX "${FLOWII_PC_TO_PREFIX}")
configure_file(cmake/flowii.pc.in ${PROJECT_BINARY_DIR}/flowii.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/flowii.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The flowii command-line tool (docs/cli.md).
if(FLOWII_BUILD_CLI)
  install(TARGETS flowii-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
