# NVIDIA: .hip files are compiled as CUDA by nvcc (CMake's CUDA language adds
# "-x cu"), with XSP_PLATFORM_CUDA so common/gpu_runtime.hpp maps hip* onto cuda*.
# HIP's own NVIDIA backend does not build against CUDA 13, hence the mapping.
if(NOT XSP_GPU_ARCHS)
  set(XSP_GPU_ARCHS 90)
endif()
foreach(arch IN LISTS XSP_GPU_ARCHS)
  if(NOT arch MATCHES "^[0-9]+[af]?$")
    message(FATAL_ERROR "NVIDIA architecture '${arch}' is not a compute capability such as 90 (sm_90) or 80")
  endif()
endforeach()
set(CMAKE_CUDA_STANDARD 17)
set(CMAKE_CUDA_STANDARD_REQUIRED ON)
enable_language(CUDA)
message(STATUS "xsp: NVIDIA build with ${CMAKE_CUDA_COMPILER} (CUDA ${CMAKE_CUDA_COMPILER_VERSION}) for sm_${XSP_GPU_ARCHS}")

function(xsp_gpu_sources)
  set_source_files_properties(${ARGV} PROPERTIES LANGUAGE CUDA)
endfunction()

function(xsp_gpu_target target)
  set_target_properties(${target} PROPERTIES
    CUDA_ARCHITECTURES "${XSP_GPU_ARCHS}"
    LINKER_LANGUAGE CUDA)
  target_compile_definitions(${target} PRIVATE XSP_PLATFORM_CUDA)
endfunction()
