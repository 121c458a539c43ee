# libxsp-loopback-bind.so (preload/loopback_bind.c), the LD_PRELOAD library that keeps
# the xserver's control API on loopback (docs/security.md), and its CPU test, run by
# ctest with the library preloaded (label "cpu"; exit 77 = no non-loopback address here).
enable_language(C)
add_library(xsp_loopback_bind SHARED "${CMAKE_CURRENT_SOURCE_DIR}/preload/loopback_bind.c")
set_target_properties(xsp_loopback_bind PROPERTIES OUTPUT_NAME xsp-loopback-bind C_STANDARD 11 C_STANDARD_REQUIRED ON)
target_compile_options(xsp_loopback_bind PRIVATE -Wall -Wextra)
target_link_libraries(xsp_loopback_bind PRIVATE ${CMAKE_DL_LIBS})

add_executable(cpu_loopback_bind "${CMAKE_CURRENT_SOURCE_DIR}/tests/cpu_loopback_bind.c")
target_compile_options(cpu_loopback_bind PRIVATE -Wall -Wextra)
add_test(NAME cpu_loopback_bind COMMAND cpu_loopback_bind)
set_tests_properties(cpu_loopback_bind PROPERTIES
  LABELS cpu TIMEOUT 60 SKIP_RETURN_CODE 77
  ENVIRONMENT "LD_PRELOAD=$<TARGET_FILE:xsp_loopback_bind>")
