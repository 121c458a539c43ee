#include "conv_tiling.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace xsp::kernels {

int countTileRows(ConvTile tile) { return tile == ConvTile::M64N64 ? 64 : 128; }
int countTileCols(ConvTile tile) { return tile == ConvTile::M128N128 ? 128 : 64; }
int countTileThreads(ConvTile tile) { return countTileRows(tile) * countTileCols(tile) / 64; }

const char* describeConvTile(ConvTile tile) {
  switch (tile) {
    case ConvTile::M128N128: return "128x128";
    case ConvTile::M128N64: return "128x64";
    case ConvTile::M64N64: return "64x64";
  }
  return "?";
}

void validateConvShape(const ConvShape& s) {
  if (s.n < 1 || s.h < 1 || s.w < 1 || s.c < 1 || s.k < 1 || s.kernel < 1 || s.stride < 1 || s.pad < 0 ||
      s.outH() < 1 || s.outW() < 1) {
    throw std::invalid_argument("conv shape has a non-positive size: n=" + std::to_string(s.n) + " h=" +
                                std::to_string(s.h) + " w=" + std::to_string(s.w) + " c=" + std::to_string(s.c) +
                                " k=" + std::to_string(s.k) + " kernel=" + std::to_string(s.kernel) +
                                " stride=" + std::to_string(s.stride) + " pad=" + std::to_string(s.pad));
  }
  // Weights and outputs are read and written as float4 along the output channels.
  if (s.k % 4 != 0) {
    throw std::invalid_argument("conv output channels must be a multiple of 4, got " + std::to_string(s.k));
  }
}

namespace {

long long countBlocks(const ConvShape& s, ConvTile tile) {
  const long long rows = (s.gemmM() + countTileRows(tile) - 1) / countTileRows(tile);
  const long long cols = (s.k + countTileCols(tile) - 1) / countTileCols(tile);
  return rows * cols;
}

// Measured on an H200 (docs/native-models.md, conv_sweep): at batch 1 about four
// 64x64 blocks per SM beat two (ResNet-18 convs 13% faster in total), up to 64 splits.
constexpr int kSplitBlocksPerSm = 4;
constexpr int kMaxSplitK = 64;
// A split should still loop over a few reduction tiles, or the partial sums'
// traffic outweighs the parallelism gained.
constexpr int kMinTilesPerSplit = 4;

// The rolled (compact) kernel was faster on every vector-load shape; the
// unrolled one 2-4% faster on the scalar-load stem (c = 3).
ConvKernelVariant chooseVariant(const ConvShape& shape) {
  return shape.c % kConvTileK == 0 ? ConvKernelVariant::Compact : ConvKernelVariant::Unrolled;
}

}  // namespace

ConvTiling makeConvTiling(const ConvShape& shape, ConvTile tile, int splitK) {
  const int kTiles = (shape.gemmK() + kConvTileK - 1) / kConvTileK;
  const int split = std::clamp(splitK, 1, kTiles);
  ConvTiling t;
  t.tile = tile;
  t.kTilesPerSplit = (kTiles + split - 1) / split;
  t.splitK = (kTiles + t.kTilesPerSplit - 1) / t.kTilesPerSplit;  // no empty split
  return t;
}

ConvTiling chooseConvTiling(const ConvShape& shape, int smCount) {
  validateConvShape(shape);
  const long long sms = std::max(smCount, 1);
  // Two resident blocks per SM: the largest tile that still fills them runs at
  // full speed (at batch 1024 every ResNet-50 layer chose within 0.5% of its best).
  for (ConvTile tile : {ConvTile::M128N128, ConvTile::M128N64, ConvTile::M64N64}) {
    // A 128-wide tile on 64 channels would compute half zeros.
    if (tile == ConvTile::M128N128 && shape.k <= 64) continue;
    if (countBlocks(shape, tile) >= 2 * sms) {
      ConvTiling t = makeConvTiling(shape, tile, 1);
      t.variant = chooseVariant(shape);
      return t;
    }
  }
  const long long blocks = countBlocks(shape, ConvTile::M64N64);
  const int kTiles = (shape.gemmK() + kConvTileK - 1) / kConvTileK;
  const long long wanted = (kSplitBlocksPerSm * sms + blocks - 1) / blocks;
  const int split = static_cast<int>(std::min<long long>({wanted, kMaxSplitK, std::max(1, kTiles / kMinTilesPerSplit)}));
  ConvTiling t = makeConvTiling(shape, ConvTile::M64N64, split);
  t.variant = chooseVariant(shape);
  return t;
}

long long countConvWorkspaceFloats(const ConvShape& shape, const ConvTiling& tiling) {
  return tiling.splitK > 1 ? static_cast<long long>(tiling.splitK) * shape.gemmM() * shape.k : 0;
}

}  // namespace xsp::kernels
