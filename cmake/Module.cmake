# jc_module(NAME SOURCES ... DEPS ...): one static library per module under src/NAME.
# DEPS are the modules (or imported targets) it may use; nothing else is visible to it.
function(jc_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(jc_${name} STATIC ${ARG_SOURCES})
  target_include_directories(jc_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(jc_${name} PRIVATE ${JC_WARNINGS})
  target_link_libraries(jc_${name} PUBLIC ${ARG_DEPS})
endfunction()

# jc_test(NAME SOURCES ... DEPS ...): a GoogleTest executable registered with CTest.
function(jc_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${JC_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST PROPERTIES LABELS "${ARG_LABELS}")
endfunction()
