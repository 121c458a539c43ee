// How a convolution is cut into GPU work: the implicit-GEMM view of its shape
// (M = output pixels, N = output channels, K = r*s*cin) and the block tile and
// split-K factor chosen for it. Host-only, so the choice is CPU-testable.
#pragma once

namespace xsp::kernels {

struct ConvShape {
  int n = 1, h = 1, w = 1, c = 1;  // input, NHWC
  int k = 1;                       // output channels
  int kernel = 1, stride = 1, pad = 0;

  int outH() const { return (h + 2 * pad - kernel) / stride + 1; }
  int outW() const { return (w + 2 * pad - kernel) / stride + 1; }
  long long gemmM() const { return static_cast<long long>(n) * outH() * outW(); }
  int gemmK() const { return kernel * kernel * c; }
};

// Block tiles (rows = output pixels x columns = output channels); every one
// computes 8x8 outputs per thread.
enum class ConvTile { M128N128, M128N64, M64N64 };

// The same kernel compiled two ways (conv_gemm.hip says how they differ).
enum class ConvKernelVariant { Compact, Unrolled };

struct ConvTiling {
  ConvTile tile = ConvTile::M128N128;
  ConvKernelVariant variant = ConvKernelVariant::Compact;
  int splitK = 1;          // blocks along the reduction; > 1 sums partials in a second kernel
  int kTilesPerSplit = 0;  // reduction tiles (of kConvTileK) per split
};

constexpr int kConvTileK = 8;

int countTileRows(ConvTile tile);
int countTileCols(ConvTile tile);
int countTileThreads(ConvTile tile);
const char* describeConvTile(ConvTile tile);

// Throws std::invalid_argument when the kernels cannot run the shape (output
// channels not a multiple of 4, non-positive sizes), quoting the values.
void validateConvShape(const ConvShape& shape);

// Largest tile that still gives every SM two blocks; when even the smallest tile
// leaves SMs idle (small batch, late layers), split K for about four blocks per SM.
ConvTiling chooseConvTiling(const ConvShape& shape, int smCount);

// A tiling with a forced tile and split (tests exercise every kernel variant);
// the split is clamped so that no split is empty.
ConvTiling makeConvTiling(const ConvShape& shape, ConvTile tile, int splitK);

// Floats of split-K workspace the tiling needs (0 without split).
long long countConvWorkspaceFloats(const ConvShape& shape, const ConvTiling& tiling);

}  // namespace xsp::kernels
