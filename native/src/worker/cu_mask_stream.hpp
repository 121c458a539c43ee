// An AMD stream restricted to some compute units, with the mask read back from the runtime
// as proof that it was applied (docs/arms.md). The CUDA runtime has no CU masks: there the
// call throws, naming the platform.
#pragma once

#include <cstdint>
#include <vector>

#include "common/gpu_runtime.hpp"

namespace xsp {

struct CuMaskedStream {
  hipStream_t stream = nullptr;
  // hipExtStreamGetCUMask's answer, to compare with the mask asked for.
  std::vector<uint32_t> readBack;
};

// Validates `mask` against `cuCount` (hipDeviceProp_t.multiProcessorCount) first; throws
// std::invalid_argument naming the problem (cu_mask.hpp), GpuError for a failed call.
CuMaskedStream createCuMaskedStream(const std::vector<uint32_t>& mask, int cuCount);

}  // namespace xsp
