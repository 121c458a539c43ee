// Fills device memory with the seeded values of model/seeded_values.hpp, on
// the GPU: a ResNet-50 batch-1024 input is 154 M values, too many to make on the CPU.
#pragma once

#include <cstdint>

#include "../common/gpu_runtime.hpp"

namespace xsp::kernels {

// dst[i] = computeSeededValue(tensorKey, i, bound) for i in [0, count).
void enqueueSeededFill(float* dst, long long count, uint64_t tensorKey, float bound, hipStream_t stream);

}  // namespace xsp::kernels
