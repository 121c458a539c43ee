#include "pooling.hpp"

#include <stdexcept>
#include <string>

#include "../common/gpu_check.hpp"

namespace xsp::kernels {
namespace {

constexpr int kThreads = 256;

__global__ void maxPoolKernel(const float* __restrict__ input, float* __restrict__ output, int n, int h, int w,
                              int c, int p, int q, int kernel, int stride, int pad) {
  const int c4 = c / 4;
  const long long total = static_cast<long long>(n) * p * q * c4;
  const long long i = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= total) return;
  const int cq = static_cast<int>(i % c4);
  long long pixel = i / c4;
  const int oq = static_cast<int>(pixel % q);
  pixel /= q;
  const int op = static_cast<int>(pixel % p);
  const int img = static_cast<int>(pixel / p);
  const float ninf = -__int_as_float(0x7f800000);
  float4 best = make_float4(ninf, ninf, ninf, ninf);
  for (int r = 0; r < kernel; ++r) {
    const int ih = op * stride - pad + r;
    if (ih < 0 || ih >= h) continue;
    for (int s = 0; s < kernel; ++s) {
      const int iw = oq * stride - pad + s;
      if (iw < 0 || iw >= w) continue;
      const float4 v = *reinterpret_cast<const float4*>(input + ((static_cast<long long>(img) * h + ih) * w + iw) * c + cq * 4);
      best.x = fmaxf(best.x, v.x);
      best.y = fmaxf(best.y, v.y);
      best.z = fmaxf(best.z, v.z);
      best.w = fmaxf(best.w, v.w);
    }
  }
  *reinterpret_cast<float4*>(output + i * 4) = best;
}

__global__ void globalAvgPoolKernel(const float* __restrict__ input, float* __restrict__ output, int n, int hw,
                                    int c) {
  const int c4 = c / 4;
  const long long i = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= static_cast<long long>(n) * c4) return;
  const int img = static_cast<int>(i / c4);
  const int cq = static_cast<int>(i % c4);
  const float* base = input + static_cast<long long>(img) * hw * c + cq * 4;
  float4 sum = make_float4(0.f, 0.f, 0.f, 0.f);
  for (int e = 0; e < hw; ++e) {
    const float4 v = *reinterpret_cast<const float4*>(base + static_cast<long long>(e) * c);
    sum.x += v.x;
    sum.y += v.y;
    sum.z += v.z;
    sum.w += v.w;
  }
  const float inv = 1.0f / static_cast<float>(hw);
  *reinterpret_cast<float4*>(output + i * 4) = make_float4(sum.x * inv, sum.y * inv, sum.z * inv, sum.w * inv);
}

void validatePoolShape(const PoolShape& s, const char* what) {
  if (s.n < 1 || s.h < 1 || s.w < 1 || s.c < 4 || s.c % 4 != 0) {
    throw std::invalid_argument(std::string(what) + " needs positive sizes and channels a multiple of 4, got n=" +
                                std::to_string(s.n) + " h=" + std::to_string(s.h) + " w=" + std::to_string(s.w) +
                                " c=" + std::to_string(s.c));
  }
}

unsigned countBlocks(long long threads) { return static_cast<unsigned>((threads + kThreads - 1) / kThreads); }

}  // namespace

void enqueueMaxPool(const PoolShape& s, int kernel, int stride, int pad, const float* input, float* output,
                    hipStream_t stream) {
  validatePoolShape(s, "max pool");
  const int p = (s.h + 2 * pad - kernel) / stride + 1;
  const int q = (s.w + 2 * pad - kernel) / stride + 1;
  if (kernel < 1 || stride < 1 || pad < 0 || pad >= kernel || p < 1 || q < 1) {
    throw std::invalid_argument("max pool kernel " + std::to_string(kernel) + " stride " + std::to_string(stride) +
                                " pad " + std::to_string(pad) + " does not fit a " + std::to_string(s.h) + "x" +
                                std::to_string(s.w) + " input");
  }
  const long long threads = static_cast<long long>(s.n) * p * q * (s.c / 4);
  maxPoolKernel<<<countBlocks(threads), kThreads, 0, stream>>>(input, output, s.n, s.h, s.w, s.c, p, q, kernel,
                                                               stride, pad);
  GPU_CHECK_LAUNCH();
}

void enqueueGlobalAvgPool(const PoolShape& s, const float* input, float* output, hipStream_t stream) {
  validatePoolShape(s, "global average pool");
  const long long threads = static_cast<long long>(s.n) * (s.c / 4);
  globalAvgPoolKernel<<<countBlocks(threads), kThreads, 0, stream>>>(input, output, s.n, s.h * s.w, s.c);
  GPU_CHECK_LAUNCH();
}

}  // namespace xsp::kernels
