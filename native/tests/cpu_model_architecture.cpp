// The ResNet architecture description against torchvision's published numbers.
#include <stdexcept>
#include <string>

#include "../src/model/resnet_architecture.hpp"
#include "testing.hpp"

using xsp::ModelKind;
using xsp::model::Architecture;
using xsp::model::buildResNet;
using xsp::model::LayerKind;

namespace {

int countKind(const Architecture& arch, LayerKind kind) {
  int n = 0;
  for (const auto& layer : arch.layers) n += layer.kind == kind ? 1 : 0;
  return n;
}

bool throwsInvalid(ModelKind kind, int batch, int image) {
  try {
    buildResNet(kind, batch, image);
  } catch (const std::invalid_argument&) {
    return true;
  }
  return false;
}

}  // namespace

TEST_CASE("parameter counts equal torchvision's resnet18 and resnet50") {
  // torchvision: sum(p.numel() for p in resnet18().parameters()) = 11,689,512; resnet50: 25,557,032.
  EXPECT_EQ(buildResNet(ModelKind::ResNet18, 1, 224).countTorchvisionParameters(), 11689512LL);
  EXPECT_EQ(buildResNet(ModelKind::ResNet50, 1, 224).countTorchvisionParameters(), 25557032LL);
}

TEST_CASE("MACs per 224x224 image are torchvision's 1.81 G and 4.09 G") {
  const Architecture r18 = buildResNet(ModelKind::ResNet18, 1, 224);
  const Architecture r50 = buildResNet(ModelKind::ResNet50, 1, 224);
  // Stem by hand: 112*112 pixels * 64 channels * 7*7*3 = 118,013,952.
  EXPECT_NEAR(r18.layers[0].countMacs(), 118013952.0, 0.0);
  // Conv + fc MACs (torchvision's model table: 1.81 and 4.09 GFLOPS, which count MACs).
  EXPECT_NEAR(r18.countMacsPerImage(), 1.81e9, 0.01e9);
  EXPECT_NEAR(r50.countMacsPerImage(), 4.09e9, 0.01e9);
  // Exact values of this description, so a change shows up.
  EXPECT_NEAR(r18.countMacsPerImage(), 1814073344.0, 0.0);
  EXPECT_NEAR(r50.countMacsPerImage(), 4089184256.0, 0.0);
}

TEST_CASE("MACs scale with batch (x8) and image area (224 -> 448 is about x4)") {
  const double one = buildResNet(ModelKind::ResNet50, 1, 224).countMacsPerForward();
  EXPECT_NEAR(buildResNet(ModelKind::ResNet50, 8, 224).countMacsPerForward(), 8.0 * one, 0.0);
  const double large = buildResNet(ModelKind::ResNet50, 1, 448).countMacsPerForward();
  EXPECT_NEAR(large / one, 4.0, 0.01);  // only the fc (2 MMAC) does not grow
}

TEST_CASE("layer lists: 20 and 53 convs, one max pool, one average pool, one fc") {
  const Architecture r18 = buildResNet(ModelKind::ResNet18, 1, 224);
  const Architecture r50 = buildResNet(ModelKind::ResNet50, 1, 224);
  EXPECT_EQ(countKind(r18, LayerKind::Conv), 20);  // 1 + 8 blocks * 2 + 3 downsample
  EXPECT_EQ(countKind(r50, LayerKind::Conv), 53);  // 1 + 16 blocks * 3 + 4 downsample
  for (const Architecture* a : {&r18, &r50}) {
    EXPECT_EQ(countKind(*a, LayerKind::MaxPool), 1);
    EXPECT_EQ(countKind(*a, LayerKind::GlobalAvgPool), 1);
    EXPECT_EQ(countKind(*a, LayerKind::FullyConnected), 1);
    EXPECT_TRUE(a->layers.back().kind == LayerKind::FullyConnected);
    EXPECT_EQ(a->layers.back().out.c, 1000);
  }
}

TEST_CASE("v1.5: the stride of a downsampling bottleneck is in its 3x3 conv") {
  const Architecture r50 = buildResNet(ModelKind::ResNet50, 1, 224);
  for (const auto& layer : r50.layers) {
    if (layer.name == "layer2.0.conv1") EXPECT_EQ(layer.stride, 1);
    if (layer.name == "layer2.0.conv2") EXPECT_EQ(layer.stride, 2);
    if (layer.name == "layer2.0.downsample") EXPECT_EQ(layer.stride, 2);
  }
}

TEST_CASE("shapes at 224: 7x7 before the pool, 512 / 2048 channels; at 64: 2x2") {
  const Architecture r18 = buildResNet(ModelKind::ResNet18, 2, 224);
  const auto& last18 = r18.layers[r18.layers.size() - 3];  // last conv
  EXPECT_EQ(last18.out.h, 7);
  EXPECT_EQ(last18.out.c, 512);
  const Architecture r50 = buildResNet(ModelKind::ResNet50, 2, 64);
  const auto& last50 = r50.layers[r50.layers.size() - 3];
  EXPECT_EQ(last50.out.h, 2);
  EXPECT_EQ(last50.out.c, 2048);
  EXPECT_EQ(last50.out.n, 2);
}

TEST_CASE("activations reuse three scratch buffers, each sized for the stem output") {
  const Architecture r50 = buildResNet(ModelKind::ResNet50, 4, 224);
  EXPECT_EQ(r50.countScratchBuffers(), 3);
  EXPECT_EQ(r50.scratchElements, 4LL * 112 * 112 * 64);
  EXPECT_EQ(buildResNet(ModelKind::ResNet18, 1, 224).countScratchBuffers(), 3);
}

TEST_CASE("invalid options are refused with the value quoted") {
  EXPECT_TRUE(throwsInvalid(ModelKind::ResNet18, 0, 224));
  EXPECT_TRUE(throwsInvalid(ModelKind::ResNet18, 1, 16));
  EXPECT_TRUE(throwsInvalid(ModelKind::ResNet50, 4096, 224));  // 4096*112*112*64 > 2^31 elements
  EXPECT_TRUE(!throwsInvalid(ModelKind::ResNet50, 1024, 224));
  try {
    buildResNet(ModelKind::ResNet18, -3, 224);
  } catch (const std::invalid_argument& e) {
    EXPECT_TRUE(std::string(e.what()).find("-3") != std::string::npos);
  }
}

XSP_TEST_MAIN()
