# Builds and runs tests/consumer/project against etgrad, either installed into a temporary
# prefix (MODE=install) or through add_subdirectory (MODE=subdirectory).
# cmake -DMODE=... -DSOURCE_DIR=... -DWORK_DIR=... -DCXX=... -DSTD=... -P run_consumer.cmake
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(common -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_CXX_STANDARD=${STD} -DCMAKE_BUILD_TYPE=Release)
if(MODE STREQUAL "install")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/etgrad-build ${common}
      -DETGRAD_BUILD_TESTS=OFF -DETGRAD_BUILD_EXAMPLES=OFF -DETGRAD_BUILD_BENCHMARKS=OFF
      -DCMAKE_INSTALL_PREFIX=${WORK_DIR}/prefix)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/etgrad-build)
  foreach(f include/etgrad/etgrad.hpp share/cmake/etgrad/etgradConfig.cmake
            share/cmake/etgrad/etgradConfigVersion.cmake share/pkgconfig/etgrad.pc)
    if(NOT EXISTS ${WORK_DIR}/prefix/${f})
      message(FATAL_ERROR "install did not produce ${f}")
    endif()
  endforeach()
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer/project -B ${WORK_DIR}/consumer ${common}
      -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer/project -B ${WORK_DIR}/consumer ${common}
      -DUSE_SUBDIRECTORY=ON -DETGRAD_SOURCE_DIR=${SOURCE_DIR})
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer -j2)
run(${WORK_DIR}/consumer/consumer)
