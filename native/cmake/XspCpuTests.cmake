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

# The worker's real session output (READY JSON and result file, fake forward pass) against
# the JSON Schema files the suite publishes (schemas/, npm run schemas:write), checked by Ajv.
set(XSP_REPO_ROOT "${CMAKE_CURRENT_SOURCE_DIR}/..")
set(XSP_SCHEMA_OUTPUTS "${CMAKE_CURRENT_BINARY_DIR}/schema-outputs")
add_executable(schema_session_outputs "${CMAKE_CURRENT_SOURCE_DIR}/tests/schema_session_outputs.cpp")
target_compile_options(schema_session_outputs PRIVATE -Wall -Wextra)
target_link_libraries(schema_session_outputs PRIVATE xsp_host)
add_test(NAME schema_session_outputs COMMAND schema_session_outputs "${XSP_SCHEMA_OUTPUTS}")
set_tests_properties(schema_session_outputs PROPERTIES LABELS cpu FIXTURES_SETUP worker_outputs TIMEOUT 60)
find_program(XSP_NODE node)
foreach(check IN ITEMS "worker-result;result" "fingerprint;ready")
  list(GET check 0 schema)
  list(GET check 1 suffix)
  if(XSP_NODE)
    add_test(NAME worker_outputs_match_${schema}_schema
      COMMAND "${XSP_NODE}" --import tsx scripts/check-json-schemas.ts "schemas/${schema}.schema.json"
        "${XSP_SCHEMA_OUTPUTS}/hp.${suffix}.json" "${XSP_SCHEMA_OUTPUTS}/lp.${suffix}.json"
      WORKING_DIRECTORY "${XSP_REPO_ROOT}")
  else()
    add_test(NAME worker_outputs_match_${schema}_schema
      COMMAND "${CMAKE_COMMAND}" -E false)
    message(WARNING "node not found: worker_outputs_match_${schema}_schema fails (the worker's output cannot be checked against schemas/${schema}.schema.json)")
  endif()
  set_tests_properties(worker_outputs_match_${schema}_schema PROPERTIES LABELS cpu FIXTURES_REQUIRED worker_outputs TIMEOUT 60)
endforeach()
