# Compiles one compile-fail case with -fsyntax-only and judges the result (run with cmake -P).
#
#   cmake -DCXX=<compiler> -DSTD=17 -DINCLUDES=<dir|dir> -DSYSTEM_INCLUDES=<dir|dir>
#         -DIMPLICIT=<dir|dir> -DSOURCE=<file.cpp> -DMODE=fail|ok
#         [-DEXPECT=<text>] [-DMAX_LINE=10] -P check.cmake
#
# MODE=fail passes only if the compile fails with exactly one error, that error is EXPECT, and
# EXPECT appears within the first MAX_LINE lines of the compiler output.
# MODE=ok passes only if the compile succeeds.
# Lists are separated by '|'. Directories the compiler searches anyway (IMPLICIT) are skipped:
# `-isystem /usr/include` would break the standard library's #include_next.

cmake_minimum_required(VERSION 3.20)

foreach(var CXX STD SOURCE MODE)
  if("${${var}}" STREQUAL "")
    message(FATAL_ERROR "check.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT DEFINED MAX_LINE)
  set(MAX_LINE 10)
endif()

string(REPLACE "|" ";" implicit "${IMPLICIT}")
set(include_flags)
foreach(kind INCLUDES SYSTEM_INCLUDES)
  string(REPLACE "|" ";" dirs "${${kind}}")
  foreach(dir IN LISTS dirs)
    if(dir STREQUAL "" OR dir IN_LIST implicit)
      continue()
    elseif(kind STREQUAL "INCLUDES")
      list(APPEND include_flags "-I${dir}")
    else()
      list(APPEND include_flags -isystem "${dir}")
    endif()
  endforeach()
endforeach()

set(command "${CXX}" "-std=c++${STD}" -fsyntax-only -fdiagnostics-color=never -Wall -Wextra
            ${include_flags} "${SOURCE}")
string(REPLACE ";" " " shown "${command}")
message("command: ${shown}")
execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)

# Lines are counted with regex matches: compiler output holds ';' and '[', unsafe in CMake lists.
function(count_newlines text result)
  string(REGEX MATCHALL "\n" newlines "${text}")
  list(LENGTH newlines n)
  set(${result} ${n} PARENT_SCOPE)
endfunction()
# The 1-based line of `text` that holds the character at offset `at`.
function(line_at text at result)
  string(SUBSTRING "${text}" 0 ${at} before)
  count_newlines("${before}" n)
  math(EXPR n "${n} + 1")
  set(${result} ${n} PARENT_SCOPE)
endfunction()

count_newlines("${out}" total)
if(NOT out STREQUAL "" AND NOT out MATCHES "\n$")
  math(EXPR total "${total} + 1")
endif()
message("---- compiler output (exit status ${rc}, ${total} lines) ----\n${out}"
        "---- end of compiler output ----")

if(MODE STREQUAL "ok")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "FAIL: ${SOURCE} must compile, but the compiler failed (status ${rc})")
  endif()
  message("PASS: ${SOURCE} compiles")
  return()
elseif(NOT MODE STREQUAL "fail")
  message(FATAL_ERROR "check.cmake: MODE must be fail or ok, not '${MODE}'")
elseif("${EXPECT}" STREQUAL "")
  message(FATAL_ERROR "check.cmake: EXPECT is not set")
endif()

if(rc EQUAL 0)
  message(FATAL_ERROR "FAIL: ${SOURCE} compiled, but it must not")
endif()
string(FIND "${out}" "${EXPECT}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "FAIL: the compiler output does not contain the expected message\n"
                      "  expected: ${EXPECT}")
endif()
line_at("${out}" ${at} line)

# Errors are counted by the "file:line:col: error: " prefix that g++ and clang++ both print.
string(REGEX MATCHALL ": (fatal )?error: " errors "${out}")
list(LENGTH errors error_count)
string(FIND "${out}" ": error: " first_error)
set(error_line 0)
if(first_error GREATER -1)
  line_at("${out}" ${first_error} error_line)
endif()

message("lines of compiler output: ${total}")
message("expected message first on line: ${line} (must be <= ${MAX_LINE})")
message("errors: ${error_count}")

if(line GREATER MAX_LINE)
  message(FATAL_ERROR "FAIL: the expected message is on line ${line}, not within the first "
                      "${MAX_LINE} lines of the compiler output")
elseif(NOT error_line EQUAL line)
  message(FATAL_ERROR "FAIL: the first error (line ${error_line}) is not the expected message "
                      "(line ${line})")
elseif(NOT error_count EQUAL 1)
  message(FATAL_ERROR "FAIL: ${error_count} errors; one mistake must give exactly one error")
endif()
message("PASS: ${SOURCE} fails with the expected message")
