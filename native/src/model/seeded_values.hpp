// Seeded pseudo-random values, identical on host and device: the GPU fills its
// weights and input with them, and the CPU reference regenerates the very same
// numbers, so whole networks can be compared without copying weights back.
// Every value depends only on (seed, tensor id, element index): no state, any order.
#pragma once

#include <cstdint>

#if defined(__CUDACC__) || defined(__HIPCC__)
#define XSP_HOST_DEVICE __host__ __device__
#else
#define XSP_HOST_DEVICE
#endif

namespace xsp::model {

// SplitMix64 finalizer (Steele, Lea, Flood 2014): a bijective 64-bit mix.
XSP_HOST_DEVICE inline uint64_t mixSplit64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// One key per (seed, tensor): the start of that tensor's value stream.
XSP_HOST_DEVICE inline uint64_t makeTensorKey(uint64_t seed, uint64_t tensorId) {
  return mixSplit64(mixSplit64(seed) ^ (tensorId * 0xD1B54A32D192ED03ull));
}

// Uniform in [-1, 1) on a 2^-23 grid. Integer arithmetic then one exact
// conversion and one exact scaling, so host and device give the same bits.
XSP_HOST_DEVICE inline float computeSeededUnit(uint64_t tensorKey, uint64_t index) {
  const uint64_t h = mixSplit64(tensorKey + index);
  const int32_t k = static_cast<int32_t>(h >> 40) - (1 << 23);  // [-2^23, 2^23)
  return static_cast<float>(k) * (1.0f / 8388608.0f);
}

// The value the network stores at `index` of a tensor with uniform bound `bound`.
// One rounding (the multiply), identical on host and device.
XSP_HOST_DEVICE inline float computeSeededValue(uint64_t tensorKey, uint64_t index, float bound) {
  return computeSeededUnit(tensorKey, index) * bound;
}

// Tensor ids: the network input, then two per parameterised layer (weight, bias).
constexpr uint64_t kInputTensorId = 0x494E505554ull;  // "INPUT"
inline uint64_t makeWeightTensorId(int layerIndex) { return 2ull * static_cast<uint64_t>(layerIndex) + 1; }
inline uint64_t makeBiasTensorId(int layerIndex) { return 2ull * static_cast<uint64_t>(layerIndex) + 2; }

}  // namespace xsp::model
