#include "seeded_fill.hpp"

#include "../common/gpu_check.hpp"
#include "../model/seeded_values.hpp"

namespace xsp::kernels {
namespace {

__global__ void seededFillKernel(float* dst, long long count, uint64_t tensorKey, float bound) {
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  for (long long i = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x; i < count; i += stride) {
    dst[i] = model::computeSeededValue(tensorKey, static_cast<uint64_t>(i), bound);
  }
}

}  // namespace

void enqueueSeededFill(float* dst, long long count, uint64_t tensorKey, float bound, hipStream_t stream) {
  if (count <= 0) return;
  const int threads = 256;
  const long long wanted = (count + threads - 1) / threads;
  const unsigned blocks = static_cast<unsigned>(wanted < 65536 ? wanted : 65536);
  seededFillKernel<<<blocks, threads, 0, stream>>>(dst, count, tensorKey, bound);
  GPU_CHECK_LAUNCH();
}

}  // namespace xsp::kernels
