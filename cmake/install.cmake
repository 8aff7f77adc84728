include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY include/etgrad DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS etgrad EXPORT etgradTargets)
install(EXPORT etgradTargets NAMESPACE etgrad:: DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/etgrad)

configure_package_config_file(cmake/etgradConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/etgradConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/etgrad)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/etgradConfigVersion.cmake
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/etgradConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/etgradConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_DATADIR}/cmake/etgrad)

configure_file(cmake/etgrad.pc.in ${CMAKE_CURRENT_BINARY_DIR}/etgrad.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/etgrad.pc DESTINATION ${CMAKE_INSTALL_DATADIR}/pkgconfig)
