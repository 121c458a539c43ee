// Tile and split-K choice, and the device memory plan, for the shapes the networks run.
#include <stdexcept>

#include "../src/kernels/conv_tiling.hpp"
#include "../src/model/device_plan.hpp"
#include "testing.hpp"

using xsp::ModelKind;
using xsp::kernels::chooseConvTiling;
using xsp::kernels::ConvShape;
using xsp::kernels::ConvTile;

namespace {

constexpr int kH100Sms = 132;  // H100 SXM and H200

// layer4 3x3 conv of resnet18 at batch 1: M = 49 pixels, 512 channels, K = 4608.
ConvShape makeLayer4Conv(int batch) { return ConvShape{batch, 7, 7, 512, 512, 3, 1, 1}; }

int countKTiles(const ConvShape& s) { return (s.gemmK() + 7) / 8; }

}  // namespace

TEST_CASE("large batch: 128x128 tiles for >= 128 channels, 128x64 for 64, no split") {
  const auto wide = chooseConvTiling(ConvShape{1024, 56, 56, 64, 256, 1, 1, 0}, kH100Sms);
  EXPECT_TRUE(wide.tile == ConvTile::M128N128);
  EXPECT_EQ(wide.splitK, 1);
  const auto narrow = chooseConvTiling(ConvShape{1024, 56, 56, 64, 64, 3, 1, 1}, kH100Sms);
  EXPECT_TRUE(narrow.tile == ConvTile::M128N64);
  EXPECT_EQ(narrow.splitK, 1);
}

TEST_CASE("batch 1, 49 pixels: small tiles and split-K fill the SMs, no split empty") {
  const ConvShape s = makeLayer4Conv(1);
  const auto t = chooseConvTiling(s, kH100Sms);
  EXPECT_TRUE(t.tile == ConvTile::M64N64);
  // 1 x 8 tiles of 64x64; 4 x 132 blocks wanted -> 66 splits, capped at 64 of 9 of the 576 tiles.
  EXPECT_EQ(t.splitK, 64);
  EXPECT_EQ(t.kTilesPerSplit, 9);
  EXPECT_TRUE(t.splitK * t.kTilesPerSplit >= countKTiles(s));
  EXPECT_TRUE((t.splitK - 1) * t.kTilesPerSplit < countKTiles(s));
  EXPECT_EQ(xsp::kernels::countConvWorkspaceFloats(s, t), 64LL * 49 * 512);
}

TEST_CASE("batch 1, 56x56x64 3x3: 49 tiles of 64x64 -> 11 splits of 7 of the 72 reduction tiles") {
  const auto t = chooseConvTiling(ConvShape{1, 56, 56, 64, 64, 3, 1, 1}, kH100Sms);
  EXPECT_EQ(t.splitK, 11);  // ceil(528 / 49) = 11
  EXPECT_EQ(t.kTilesPerSplit, 7);
}

TEST_CASE("the unrolled kernel for the scalar-load stem (c = 3), compact elsewhere") {
  using xsp::kernels::ConvKernelVariant;
  EXPECT_TRUE(chooseConvTiling(ConvShape{1024, 224, 224, 3, 64, 7, 2, 3}, kH100Sms).variant ==
              ConvKernelVariant::Unrolled);
  EXPECT_TRUE(chooseConvTiling(ConvShape{1, 224, 224, 3, 64, 7, 2, 3}, kH100Sms).variant ==
              ConvKernelVariant::Unrolled);
  EXPECT_TRUE(chooseConvTiling(ConvShape{1024, 56, 56, 64, 64, 3, 1, 1}, kH100Sms).variant ==
              ConvKernelVariant::Compact);
  EXPECT_TRUE(chooseConvTiling(makeLayer4Conv(1), kH100Sms).variant == ConvKernelVariant::Compact);
}

TEST_CASE("forced split is clamped so that every split has work") {
  const ConvShape s{1, 4, 4, 8, 8, 1, 1, 0};  // K = 8: one reduction tile
  const auto t = xsp::kernels::makeConvTiling(s, ConvTile::M64N64, 5);
  EXPECT_EQ(t.splitK, 1);
  EXPECT_EQ(t.kTilesPerSplit, 1);
  const auto u = xsp::kernels::makeConvTiling(makeLayer4Conv(1), ConvTile::M64N64, 7);  // 576 tiles
  EXPECT_EQ(u.kTilesPerSplit, 83);
  EXPECT_EQ(u.splitK, 7);
}

TEST_CASE("output channels must be a multiple of 4 (float4 epilogue)") {
  bool threw = false;
  try {
    xsp::kernels::validateConvShape(ConvShape{1, 1, 1, 8, 1001, 1, 1, 0});
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  EXPECT_TRUE(threw);
}

TEST_CASE("device plan: disjoint aligned regions covering all buffers and the workspace") {
  const auto arch = xsp::model::buildResNet(ModelKind::ResNet18, 1, 224);
  const auto plan = xsp::model::planDevice(arch, kH100Sms);
  EXPECT_TRUE(plan.workspaceFloats > 0);  // batch 1 splits K
  std::vector<std::pair<long long, long long>> regions = {{plan.parameterOffset, arch.parameterArenaFloats},
                                                          {plan.workspaceOffset, plan.workspaceFloats}};
  regions.push_back({plan.bufferOffsets[xsp::model::kInputBuffer], arch.input.countElements()});
  regions.push_back({plan.bufferOffsets[xsp::model::kLogitsBuffer], 1000});
  for (int b = xsp::model::kFirstScratchBuffer; b < arch.bufferCount; ++b) {
    regions.push_back({plan.bufferOffsets[b], arch.scratchElements});
  }
  for (size_t i = 0; i < regions.size(); ++i) {
    EXPECT_EQ(regions[i].first % 4, 0LL);
    EXPECT_TRUE(regions[i].first + regions[i].second <= plan.totalFloats);
    for (size_t j = i + 1; j < regions.size(); ++j) {
      const bool apart = regions[i].first + regions[i].second <= regions[j].first ||
                         regions[j].first + regions[j].second <= regions[i].first;
      EXPECT_TRUE(apart);
    }
  }
}

TEST_CASE("resnet50 batch 1024 needs about 10.6 GB: 3 x 3.29 GB scratch + 0.62 GB input") {
  const auto arch = xsp::model::buildResNet(ModelKind::ResNet50, 1024, 224);
  const double gb = static_cast<double>(xsp::model::planDevice(arch, kH100Sms).countBytes()) / 1e9;
  EXPECT_NEAR(gb, 3 * 3.288 + 0.617 + 0.102, 0.05);
}

XSP_TEST_MAIN()
