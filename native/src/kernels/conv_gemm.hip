// Implicit-GEMM convolution. GEMM view: rows m = output pixels (n, p, q),
// columns = output channels, reduction = (r, s, c). Each block computes a
// BM x BN tile, each thread 8x8 outputs (two 4-row by two 4-column groups, so
// shared-memory reads are float4 and conflict-free), over reduction tiles of 8
// staged through double-buffered shared memory: the next tile's global loads
// are in flight while the current one is multiplied (one barrier per tile).
// NHWC makes 8 consecutive reduction indices 8 contiguous channels of one input
// pixel (when c % 8 == 0), loaded as two float4; c = 3 (the stem) loads scalars.
#include "conv_gemm.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

#include "../common/gpu_check.hpp"

namespace xsp::kernels {
namespace {

struct ConvArgs {
  const float* input;
  const float* weight;
  const float* bias;
  const float* residual;  // may alias output
  float* output;
  float* partial;  // split-K partial sums [split][m][k], or null
  int h, w, c, k, kernel, stride, pad, outH, outW;
  int m, kdim, kTiles, kTilesPerSplit;
  int relu;
};

// Compact: the 8-step inner loop stays rolled and registers are capped at 128
// per thread (512 threads/SM resident) without spilling. Unrolled: the inner
// loop is unrolled, which needs ~150-170 registers, so fewer blocks are resident.
// On an H200, compact was faster on every vector-load shape (by 1-45%),
// unrolled on the scalar-load stem (by 2-4%); chooseConvTiling picks accordingly.
// HIP reads __launch_bounds__' second argument differently (waves per EU), so
// AMD gets the first bound only.
#if defined(XSP_PLATFORM_CUDA)
#define XSP_CONV_BOUNDS(threads, unrolled) __launch_bounds__(threads, (unrolled) ? 1 : 512 / (threads))
#else
#define XSP_CONV_BOUNDS(threads, unrolled) __launch_bounds__(threads)
#endif

template <int BM, int BN, bool kVecA, bool kUnrolled>
__global__ void XSP_CONV_BOUNDS(BM* BN / 64, kUnrolled) convGemmKernel(ConvArgs a) {
  constexpr int BK = kConvTileK;
  constexpr int NT = BM * BN / 64;  // 8x8 outputs per thread
  constexpr int TX = BN / 8;        // threads along the channels
  constexpr int LDA = BM + 4;       // padding makes the transposed A stores conflict-free
  constexpr int A_LOADS = kVecA ? BM * BK / 4 / NT : BM * BK / NT;
  constexpr int B_LOADS = BK * BN / 4 / NT;
  constexpr int B_CHUNKS_PER_ROW = BN / 4;
  static_assert(NT % BK == 0 && NT % B_CHUNKS_PER_ROW == 0, "tile shape and thread count do not divide");
  static_assert(A_LOADS >= 1 && B_LOADS >= 1, "each thread must load at least one element of each tile");

  __shared__ __align__(16) float As[2][BK][LDA];
  __shared__ __align__(16) float Bs[2][BK][BN];

  const float* __restrict__ input = a.input;
  const float* __restrict__ weight = a.weight;
  const int tid = threadIdx.x;
  const int tx = tid % TX, ty = tid / TX;
  const int tilesN = (a.k + BN - 1) / BN;
  const int m0 = static_cast<int>(blockIdx.x / tilesN) * BM;
  const int n0 = static_cast<int>(blockIdx.x % tilesN) * BN;
  const int tBegin = blockIdx.y * a.kTilesPerSplit;
  const int tEnd = min(a.kTiles, tBegin + a.kTilesPerSplit);

  // A loads: which reduction sub-index this thread loads, and for each of its
  // pixels the image offset and the window's top-left input coordinate.
  const int aSub = kVecA ? (tid % 2) * 4 : tid % BK;
  int aBase[A_LOADS], aH[A_LOADS], aW[A_LOADS];
  const int pq = a.outH * a.outW;
#pragma unroll
  for (int i = 0; i < A_LOADS; ++i) {
    const int mLocal = kVecA ? tid / 2 + i * (NT / 2) : tid / BK + i * (NT / BK);
    const int m = m0 + mLocal;
    if (m < a.m) {
      const int img = m / pq;
      const int rem = m - img * pq;
      const int p = rem / a.outW;
      const int q = rem - p * a.outW;
      aBase[i] = img * a.h * a.w * a.c;
      aH[i] = p * a.stride - a.pad;
      aW[i] = q * a.stride - a.pad;
    } else {
      aBase[i] = 0;
      aH[i] = -(1 << 28);  // every row check fails: the pixel is past M, load zeros
      aW[i] = 0;
    }
  }
  // B loads: rows of the [reduction][k] weight matrix, float4 along k.
  const int bRow = tid / B_CHUNKS_PER_ROW;
  const int bCol = (tid % B_CHUNKS_PER_ROW) * 4;
  const bool bColOk = n0 + bCol < a.k;

  float4 aVec[kVecA ? A_LOADS : 1];
  float aScalar[kVecA ? 1 : A_LOADS];
  float4 bVec[B_LOADS];

  auto loadTile = [&](int t) {
    const int k0 = t * BK;
    if constexpr (kVecA) {
      // c % 8 == 0: the whole tile shares one (r, s).
      const int rs = k0 / a.c;
      const int c0 = k0 - rs * a.c + aSub;
      const int r = rs / a.kernel;
      const int s = rs - r * a.kernel;
#pragma unroll
      for (int i = 0; i < A_LOADS; ++i) {
        const int ih = aH[i] + r, iw = aW[i] + s;
        if (static_cast<unsigned>(ih) < static_cast<unsigned>(a.h) && static_cast<unsigned>(iw) < static_cast<unsigned>(a.w)) {
          aVec[i] = *reinterpret_cast<const float4*>(input + aBase[i] + (ih * a.w + iw) * a.c + c0);
        } else {
          aVec[i] = make_float4(0.f, 0.f, 0.f, 0.f);
        }
      }
    } else {
      const int kk = k0 + aSub;
      const bool kOk = kk < a.kdim;
      int r = 0, s = 0, c = 0;
      if (kOk) {
        const int rs = kk / a.c;
        c = kk - rs * a.c;
        r = rs / a.kernel;
        s = rs - r * a.kernel;
      }
#pragma unroll
      for (int i = 0; i < A_LOADS; ++i) {
        const int ih = aH[i] + r, iw = aW[i] + s;
        const bool inside = kOk && static_cast<unsigned>(ih) < static_cast<unsigned>(a.h) &&
                            static_cast<unsigned>(iw) < static_cast<unsigned>(a.w);
        aScalar[i] = inside ? input[aBase[i] + (ih * a.w + iw) * a.c + c] : 0.f;
      }
    }
#pragma unroll
    for (int i = 0; i < B_LOADS; ++i) {
      const int row = k0 + bRow + i * (NT / B_CHUNKS_PER_ROW);
      if (bColOk && row < a.kdim) {
        bVec[i] = *reinterpret_cast<const float4*>(weight + row * a.k + n0 + bCol);
      } else {
        bVec[i] = make_float4(0.f, 0.f, 0.f, 0.f);
      }
    }
  };

  auto storeTile = [&](int buf) {
#pragma unroll
    for (int i = 0; i < A_LOADS; ++i) {
      if constexpr (kVecA) {
        const int mLocal = tid / 2 + i * (NT / 2);
        As[buf][aSub + 0][mLocal] = aVec[i].x;
        As[buf][aSub + 1][mLocal] = aVec[i].y;
        As[buf][aSub + 2][mLocal] = aVec[i].z;
        As[buf][aSub + 3][mLocal] = aVec[i].w;
      } else {
        As[buf][aSub][tid / BK + i * (NT / BK)] = aScalar[i];
      }
    }
#pragma unroll
    for (int i = 0; i < B_LOADS; ++i) {
      *reinterpret_cast<float4*>(&Bs[buf][bRow + i * (NT / B_CHUNKS_PER_ROW)][bCol]) = bVec[i];
    }
  };

  float acc[8][8];
#pragma unroll
  for (int i = 0; i < 8; ++i)
#pragma unroll
    for (int j = 0; j < 8; ++j) acc[i][j] = 0.f;

  // One reduction step: an 8x8 outer product from two float4 of each tile.
  auto multiplyStep = [&](int buf, int kk) {
    const float4 a0 = *reinterpret_cast<const float4*>(&As[buf][kk][ty * 4]);
    const float4 a1 = *reinterpret_cast<const float4*>(&As[buf][kk][ty * 4 + BM / 2]);
    const float4 b0 = *reinterpret_cast<const float4*>(&Bs[buf][kk][tx * 4]);
    const float4 b1 = *reinterpret_cast<const float4*>(&Bs[buf][kk][tx * 4 + BN / 2]);
    const float ra[8] = {a0.x, a0.y, a0.z, a0.w, a1.x, a1.y, a1.z, a1.w};
    const float rb[8] = {b0.x, b0.y, b0.z, b0.w, b1.x, b1.y, b1.z, b1.w};
#pragma unroll
    for (int i = 0; i < 8; ++i)
#pragma unroll
      for (int j = 0; j < 8; ++j) acc[i][j] = fmaf(ra[i], rb[j], acc[i][j]);
  };

  if (tBegin < tEnd) {
    loadTile(tBegin);
    storeTile(0);
    __syncthreads();
    for (int t = tBegin; t < tEnd; ++t) {
      const int buf = (t - tBegin) & 1;
      const bool more = t + 1 < tEnd;
      if (more) loadTile(t + 1);
      if constexpr (kUnrolled) {
#pragma unroll
        for (int kk = 0; kk < BK; ++kk) multiplyStep(buf, kk);
      } else {
#pragma unroll 1
        for (int kk = 0; kk < BK; ++kk) multiplyStep(buf, kk);
      }
      if (more) storeTile(buf ^ 1);
      __syncthreads();
    }
  }

  // Epilogue: row groups at ty*4 and ty*4 + BM/2, column groups at tx*4 and tx*4 + BN/2.
#pragma unroll
  for (int i = 0; i < 8; ++i) {
    const int m = m0 + (i / 4) * (BM / 2) + ty * 4 + (i % 4);
    if (m >= a.m) continue;
#pragma unroll
    for (int g = 0; g < 2; ++g) {
      const int n = n0 + g * (BN / 2) + tx * 4;
      if (n >= a.k) continue;
      float4 v = make_float4(acc[i][g * 4 + 0], acc[i][g * 4 + 1], acc[i][g * 4 + 2], acc[i][g * 4 + 3]);
      if (a.partial) {
        *reinterpret_cast<float4*>(a.partial + (static_cast<long long>(blockIdx.y) * a.m + m) * a.k + n) = v;
        continue;
      }
      const long long o = static_cast<long long>(m) * a.k + n;
      const float4 b = *reinterpret_cast<const float4*>(a.bias + n);
      v.x += b.x; v.y += b.y; v.z += b.z; v.w += b.w;
      if (a.residual) {
        const float4 r = *reinterpret_cast<const float4*>(a.residual + o);
        v.x += r.x; v.y += r.y; v.z += r.z; v.w += r.w;
      }
      if (a.relu) {
        v.x = fmaxf(v.x, 0.f); v.y = fmaxf(v.y, 0.f); v.z = fmaxf(v.z, 0.f); v.w = fmaxf(v.w, 0.f);
      }
      *reinterpret_cast<float4*>(a.output + o) = v;
    }
  }
}

// Sums the split-K partials in a fixed order (deterministic), then bias, residual, ReLU.
__global__ void reduceSplitKKernel(const float* partial, int splits, int m, int k, const float* bias,
                                   const float* residual, float* output, int relu) {
  const long long i4 = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
  const long long total = static_cast<long long>(m) * k;
  const long long e = i4 * 4;
  if (e >= total) return;
  const int n = static_cast<int>(e % k);
  float4 v = *reinterpret_cast<const float4*>(bias + n);
  for (int s = 0; s < splits; ++s) {
    const float4 p = *reinterpret_cast<const float4*>(partial + s * total + e);
    v.x += p.x; v.y += p.y; v.z += p.z; v.w += p.w;
  }
  if (residual) {
    const float4 r = *reinterpret_cast<const float4*>(residual + e);
    v.x += r.x; v.y += r.y; v.z += r.z; v.w += r.w;
  }
  if (relu) {
    v.x = fmaxf(v.x, 0.f); v.y = fmaxf(v.y, 0.f); v.z = fmaxf(v.z, 0.f); v.w = fmaxf(v.w, 0.f);
  }
  *reinterpret_cast<float4*>(output + e) = v;
}

template <int BM, int BN, bool kUnrolled>
void launchConvGemm(const ConvArgs& a, bool vecA, int splits, hipStream_t stream) {
  const long long blocks = ((static_cast<long long>(a.m) + BM - 1) / BM) * ((a.k + BN - 1) / BN);
  const dim3 grid(static_cast<unsigned>(blocks), static_cast<unsigned>(splits));
  if (vecA) {
    convGemmKernel<BM, BN, true, kUnrolled><<<grid, BM * BN / 64, 0, stream>>>(a);
  } else {
    convGemmKernel<BM, BN, false, kUnrolled><<<grid, BM * BN / 64, 0, stream>>>(a);
  }
  GPU_CHECK_LAUNCH();
}

template <int BM, int BN>
void launchConvGemm(const ConvArgs& a, bool vecA, ConvKernelVariant variant, int splits, hipStream_t stream) {
  if (variant == ConvKernelVariant::Unrolled) {
    launchConvGemm<BM, BN, true>(a, vecA, splits, stream);
  } else {
    launchConvGemm<BM, BN, false>(a, vecA, splits, stream);
  }
}

bool isAligned16(const void* p) { return (reinterpret_cast<uintptr_t>(p) & 15u) == 0; }

void validateConvTensors(const ConvShape& shape, const ConvTiling& tiling, const ConvTensors& t) {
  if (!t.input || !t.weight || !t.bias || !t.output) {
    throw std::invalid_argument("conv needs input, weight, bias and output pointers (one is null)");
  }
  if (!isAligned16(t.input) || !isAligned16(t.weight) || !isAligned16(t.bias) || !isAligned16(t.output) ||
      (t.residual && !isAligned16(t.residual)) || (t.workspace && !isAligned16(t.workspace))) {
    throw std::invalid_argument("conv tensors must be 16-byte aligned (float4 access)");
  }
  if (tiling.splitK > 1 && !t.workspace) {
    throw std::invalid_argument("conv split-K " + std::to_string(tiling.splitK) + " needs a workspace of " +
                                std::to_string(countConvWorkspaceFloats(shape, tiling)) + " floats, got null");
  }
  const int kTiles = (shape.gemmK() + kConvTileK - 1) / kConvTileK;
  if (tiling.kTilesPerSplit < 1 || static_cast<long long>(tiling.splitK) * tiling.kTilesPerSplit < kTiles) {
    throw std::invalid_argument("conv tiling covers " + std::to_string(tiling.splitK) + " x " +
                                std::to_string(tiling.kTilesPerSplit) + " of " + std::to_string(kTiles) +
                                " reduction tiles; build it with makeConvTiling/chooseConvTiling");
  }
}

}  // namespace

void enqueueConv(const ConvShape& shape, bool relu, const ConvTiling& tiling, const ConvTensors& t,
                 hipStream_t stream) {
  validateConvShape(shape);
  validateConvTensors(shape, tiling, t);
  ConvArgs a{};
  a.input = t.input;
  a.weight = t.weight;
  a.bias = t.bias;
  a.residual = t.residual;
  a.output = t.output;
  a.partial = tiling.splitK > 1 ? t.workspace : nullptr;
  a.h = shape.h;
  a.w = shape.w;
  a.c = shape.c;
  a.k = shape.k;
  a.kernel = shape.kernel;
  a.stride = shape.stride;
  a.pad = shape.pad;
  a.outH = shape.outH();
  a.outW = shape.outW();
  a.m = static_cast<int>(shape.gemmM());
  a.kdim = shape.gemmK();
  a.kTiles = (a.kdim + kConvTileK - 1) / kConvTileK;
  a.kTilesPerSplit = tiling.kTilesPerSplit;
  a.relu = relu ? 1 : 0;
  // Whole float4 per tile row of 8 channels: one (r, s) per reduction tile.
  const bool vecA = shape.c % kConvTileK == 0;
  switch (tiling.tile) {
    case ConvTile::M128N128: launchConvGemm<128, 128>(a, vecA, tiling.variant, tiling.splitK, stream); break;
    case ConvTile::M128N64: launchConvGemm<128, 64>(a, vecA, tiling.variant, tiling.splitK, stream); break;
    case ConvTile::M64N64: launchConvGemm<64, 64>(a, vecA, tiling.variant, tiling.splitK, stream); break;
  }
  if (tiling.splitK > 1) {
    const long long quads = shape.gemmM() * shape.k / 4;
    const int threads = 256;
    const unsigned blocks = static_cast<unsigned>((quads + threads - 1) / threads);
    reduceSplitKKernel<<<blocks, threads, 0, stream>>>(t.workspace, tiling.splitK, a.m, a.k, t.bias, t.residual,
                                                      t.output, a.relu);
    GPU_CHECK_LAUNCH();
  }
}

}  // namespace xsp::kernels
