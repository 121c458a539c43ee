// An AMD stream restricted to some compute units, with the mask read back from the runtime
// as proof that it was applied (docs/arms.md). The CUDA runtime has no CU masks: there the
// worker refuses --cu-mask-percent before touching the GPU.
#pragma once

#include <cstdint>
#include <vector>

#include "common/gpu_runtime.hpp"
#include "worker/cu_mask.hpp"

namespace xsp {

struct CuMaskedStream {
  hipStream_t stream = nullptr;
  // hipExtStreamGetCUMask's answer, to compare with the mask asked for.
  std::vector<uint32_t> readBack;
};

// Throws WorkerError(BadCommandLine) quoting the percent when this build's runtime has no CU
// masks (CUDA); does nothing on AMD.
void requireCuMaskRuntime(int percent);

// Validates `mask` against `cuCount` (hipDeviceProp_t.multiProcessorCount) first; throws
// std::invalid_argument naming the problem (cu_mask.hpp), GpuError for a failed call.
CuMaskedStream createCuMaskedStream(const std::vector<uint32_t>& mask, int cuCount);

// The stream for --cu-mask-percent: the first ceil(cuCount x percent / 100) CUs, and what the
// fingerprint records of it. Throws WorkerError(GpuRuntimeError) for a mask the GPU refuses.
CuMaskedStream createCuMaskedStreamForPercent(int percent, int cuCount, CuMaskObservation& observed);

}  // namespace xsp
