# One executable per tests/cpu_*.cpp, linked with the host library only, run by
# ctest with label "cpu" (native/test.sh; CI has no GPU).
file(GLOB XSP_CPU_TESTS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/tests/cpu_*.cpp")
foreach(source IN LISTS XSP_CPU_TESTS)
  get_filename_component(name "${source}" NAME_WE)
  add_executable(${name} "${source}")
  target_include_directories(${name} PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/tests")
  target_compile_options(${name} PRIVATE -Wall -Wextra)
  target_link_libraries(${name} PRIVATE xsp_host)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS cpu TIMEOUT 120)
endforeach()
