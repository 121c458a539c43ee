// Max pooling and global average pooling over NHWC tensors (channels % 4 == 0:
// each thread handles one float4 of channels, so reads are coalesced).
#pragma once

#include "../common/gpu_runtime.hpp"

namespace xsp::kernels {

struct PoolShape {
  int n = 1, h = 1, w = 1, c = 4;  // input, NHWC
};

// out[n, p, q, c] = max over the kernel x kernel window at (p*stride - pad, q*stride - pad);
// padded positions never win (PyTorch semantics). Output p = (h + 2*pad - kernel)/stride + 1.
void enqueueMaxPool(const PoolShape& shape, int kernel, int stride, int pad, const float* input, float* output,
                    hipStream_t stream);

// out[n, c] = mean over h, w of in[n, h, w, c].
void enqueueGlobalAvgPool(const PoolShape& shape, const float* input, float* output, hipStream_t stream);

}  // namespace xsp::kernels
