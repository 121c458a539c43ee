#include "worker/gpu_checks.hpp"

#include <cstdio>

#include "worker/exit_codes.hpp"

namespace xsp {

void checkGpuCount(int count, bool countCallFailed, const std::string& runtimeError) {
  if (countCallFailed) {
    throw WorkerError(ExitCode::NoGpu, "no GPU visible: counting devices failed with " + runtimeError +
                                           "; check the driver, /dev/kfd or /dev/nvidia*, and HIP_VISIBLE_DEVICES/"
                                           "CUDA_VISIBLE_DEVICES");
  }
  if (count <= 0) {
    throw WorkerError(ExitCode::NoGpu, "no GPU visible: the runtime reports 0 devices; check the driver and "
                                       "HIP_VISIBLE_DEVICES/CUDA_VISIBLE_DEVICES");
  }
}

void checkGpuIndex(int index, int count) {
  if (index < 0 || index >= count) {
    throw WorkerError(ExitCode::GpuIndexOutOfRange,
                      "--gpu " + std::to_string(index) + " is out of range: " + std::to_string(count) +
                          (count == 1 ? " GPU is" : " GPUs are") + " visible (indices 0 to " +
                          std::to_string(count - 1) + ")");
  }
}

int largestBatchThatFits(const std::function<size_t(int)>& requiredBytes, size_t freeBytes, int requestedBatch) {
  int low = 0, high = requestedBatch - 1;  // invariant: batch `low` fits (0 = none)
  while (low < high) {
    int mid = low + (high - low + 1) / 2;
    if (requiredBytes(mid) <= freeBytes) low = mid;
    else high = mid - 1;
  }
  return low;
}

void checkDeviceMemory(const std::function<size_t(int)>& requiredBytes, int batch, size_t freeBytes,
                       const std::string& what) {
  size_t needed = requiredBytes(batch);
  if (needed <= freeBytes) return;
  int fits = largestBatchThatFits(requiredBytes, freeBytes, batch);
  std::string advice = fits > 0 ? "--batch " + std::to_string(fits) + " fits"
                                : "even --batch 1 needs " + formatByteCount(requiredBytes(1)) +
                                      ": free memory on the GPU (other processes?) or pick another GPU";
  throw WorkerError(ExitCode::NotEnoughMemory, "not enough GPU memory: " + what + " with --batch " +
                                                   std::to_string(batch) + " needs " + formatByteCount(needed) +
                                                   ", " + formatByteCount(freeBytes) + " free; " + advice);
}

std::string formatByteCount(size_t bytes) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f GiB (%zu bytes)", static_cast<double>(bytes) / (1024.0 * 1024 * 1024), bytes);
  return text;
}

}  // namespace xsp
