// Convolution as implicit GEMM (our own kernel: no cuDNN/MIOpen/BLAS), with the
// bias, an optional residual add and an optional ReLU fused into its epilogue.
// Plain FP32 FMA (no TF32/tensor cores). Works for any warp size (32 or 64):
// threads share data through shared memory only.
#pragma once

#include "../common/gpu_runtime.hpp"
#include "conv_tiling.hpp"

namespace xsp::kernels {

// Device pointers, all 16-byte aligned.
struct ConvTensors {
  const float* input = nullptr;     // NHWC [n, h, w, c]
  const float* weight = nullptr;    // [kernel][kernel][c][k], output channel fastest
  const float* bias = nullptr;      // [k]
  const float* residual = nullptr;  // NHWC [n, outH, outW, k] or null; may equal output (in place)
  float* output = nullptr;          // NHWC [n, outH, outW, k]
  float* workspace = nullptr;       // countConvWorkspaceFloats() floats when tiling.splitK > 1
};

// Enqueues the convolution (and, with split-K, the reduction) on `stream`.
// Throws std::invalid_argument for shapes or pointers the kernels cannot take,
// GpuError for launch failures.
void enqueueConv(const ConvShape& shape, bool relu, const ConvTiling& tiling, const ConvTensors& tensors,
                 hipStream_t stream);

}  // namespace xsp::kernels
