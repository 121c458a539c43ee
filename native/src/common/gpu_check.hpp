// GPU_CHECK(call): every GPU runtime call goes through it, so a failure names
// the file, line and call text (nvbench's *_CHECK pattern). It throws GpuError;
// main() turns that into a one-line message and an exit code (docs/protocol.md).
#pragma once

#include <stdexcept>
#include <string>

#include "gpu_runtime.hpp"

namespace xsp {

class GpuError : public std::runtime_error {
 public:
  GpuError(hipError_t code, const std::string& what) : std::runtime_error(what), code_(code) {}
  hipError_t code() const { return code_; }

 private:
  hipError_t code_;
};

// "cudaErrorNoDevice (no CUDA-capable device is detected)"; the name alone
// where the runtime's description repeats it (ROCm 5.2 does for some codes).
inline std::string describeGpuError(hipError_t err) {
  std::string name = hipGetErrorName(err);
  std::string text = hipGetErrorString(err);
  return text == name ? name : name + " (" + text + ")";
}

[[noreturn]] inline void throwGpuError(hipError_t err, const char* call, const char* file, int line) {
  throw GpuError(err, std::string(file) + ":" + std::to_string(line) + ": " + call + " failed: " + describeGpuError(err));
}

}  // namespace xsp

#define GPU_CHECK(call)                                                     \
  do {                                                                      \
    hipError_t xsp_err_ = (call);                                           \
    if (xsp_err_ != hipSuccess) ::xsp::throwGpuError(xsp_err_, #call, __FILE__, __LINE__); \
  } while (0)

// After a kernel launch: launch-configuration errors surface here, not later.
#define GPU_CHECK_LAUNCH() GPU_CHECK(hipGetLastError())
