// The whole-network CPU reference: input slicing per image (used to check a
// full-size GPU batch image by image) and the scale of activations the seeded
// initialisation produces.
#include <cmath>
#include <string>

#include "../src/model/resnet_architecture.hpp"
#include "../src/reference/reference_network.hpp"
#include "testing.hpp"

using xsp::ModelKind;
using xsp::model::Architecture;
using xsp::reference::HostTensor;

TEST_CASE("image i of a batch input is the i-th slice of the batch tensor") {
  const Architecture arch = xsp::model::buildResNet(ModelKind::ResNet18, 3, 32);
  const HostTensor all = xsp::reference::generateInput(arch, 11);
  const HostTensor third = xsp::reference::generateInputImage(arch, 11, 2);
  EXPECT_EQ(third.n, 1);
  const size_t perImage = third.data.size();
  bool same = true;
  for (size_t e = 0; e < perImage; ++e) same = same && third.data[e] == all.data[2 * perImage + e];
  EXPECT_TRUE(same);
}

TEST_CASE("images never mix: batch-2 logits of image 1 equal a batch-1 run on image 1") {
  const Architecture batch2 = xsp::model::buildResNet(ModelKind::ResNet18, 2, 32);
  const Architecture batch1 = xsp::model::buildResNet(ModelKind::ResNet18, 1, 32);
  const HostTensor both = xsp::reference::runReferenceNetwork(batch2, 3);
  const HostTensor image1 = xsp::reference::generateInputImage(batch2, 3, 1);
  const HostTensor alone = xsp::reference::runReferenceNetwork(batch1, 3, nullptr, &image1);
  EXPECT_NEAR(xsp::reference::computeRelativeL2Error(alone.data.data(), both.data.data() + 1000, 1000), 0.0, 0.0);
  // And image 0 differs from image 1 (the check above is not vacuous).
  EXPECT_TRUE(xsp::reference::computeRelativeL2Error(both.data.data(), both.data.data() + 1000, 1000) > 0.01);
}

TEST_CASE("seeded initialisation keeps resnet50 activations moderate through 50 layers") {
  const Architecture arch = xsp::model::buildResNet(ModelKind::ResNet50, 1, 64);
  std::vector<double> rms;
  const HostTensor logits = xsp::reference::runReferenceNetwork(arch, 1, &rms);
  for (size_t i = 0; i < rms.size(); ++i) {
    if (!(std::isfinite(rms[i]) && rms[i] > 0.05 && rms[i] < 50.0)) {
      xsp::testing::fail(__FILE__, __LINE__,
                         arch.layers[i].name + " output RMS " + std::to_string(rms[i]) + " outside [0.05, 50]");
    }
  }
  EXPECT_TRUE(xsp::reference::computeRms(logits) > 0.1);
}

XSP_TEST_MAIN()
