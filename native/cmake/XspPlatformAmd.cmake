# AMD: .hip files are compiled and linked by hipcc. CMake's HIP language wants
# <rocm>/lib/cmake/hip-lang, which Debian's ROCm 5.2 packages install under
# lib/x86_64-linux-gnu instead, so hipcc stands in as the compiler of the GPU
# targets through a launcher (hipcc-launcher.sh), with g++ for the host library.
if(NOT XSP_HIPCC)
  find_program(XSP_HIPCC hipcc HINTS /opt/rocm/bin ENV ROCM_PATH PATH_SUFFIXES bin)
endif()
if(NOT XSP_HIPCC)
  message(FATAL_ERROR "hipcc not found: install ROCm (or Debian's hipcc package) or pass XSP_HIPCC")
endif()
if(NOT XSP_GPU_ARCHS)
  set(XSP_GPU_ARCHS gfx908 gfx90a)
endif()
foreach(arch IN LISTS XSP_GPU_ARCHS)
  if(NOT arch MATCHES "^gfx[0-9a-f]+(:[a-z-]+[+-])*$")
    message(FATAL_ERROR "AMD architecture '${arch}' is not a gfx name such as gfx90a or gfx942")
  endif()
  list(APPEND XSP_OFFLOAD_ARCH_FLAGS "--offload-arch=${arch}")
endforeach()
message(STATUS "xsp: AMD build with ${XSP_HIPCC} for ${XSP_GPU_ARCHS}")

set(XSP_HIPCC_LAUNCHER
    "${CMAKE_CURRENT_SOURCE_DIR}/cmake/hipcc-launcher.sh" "${XSP_HIPCC}")

function(xsp_gpu_sources)
  set_source_files_properties(${ARGV} PROPERTIES LANGUAGE CXX)
endfunction()

function(xsp_gpu_target target)
  set_target_properties(${target} PROPERTIES
    CXX_COMPILER_LAUNCHER "${XSP_HIPCC_LAUNCHER}"
    CXX_LINKER_LAUNCHER "${XSP_HIPCC_LAUNCHER}"
    LINKER_LANGUAGE CXX)
  target_compile_options(${target} PRIVATE ${XSP_OFFLOAD_ARCH_FLAGS})
  target_link_options(${target} PRIVATE ${XSP_OFFLOAD_ARCH_FLAGS})
  target_compile_definitions(${target} PRIVATE XSP_PLATFORM_AMD)
endfunction()
