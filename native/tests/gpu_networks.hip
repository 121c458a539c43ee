// Whole forward passes of both networks on the GPU against the CPU reference,
// which regenerates the same seeded weights and input on the host. Every
// activation buffer, the split-K workspace and the logits are poisoned with
// NaN first, so reading or leaving an unwritten element fails.
// Bound: relative L2 error of the logits <= 1e-4 and max error <= 1e-3 x rms
// (fp32 through 18/50 layers; observed values are printed).
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "../src/kernels/device_buffer.hpp"
#include "../src/model/resnet_network.hpp"
#include "../src/reference/reference_network.hpp"
#include "testing.hpp"

using xsp::ModelKind;
using xsp::NetworkConfig;
using xsp::kernels::DeviceBuffer;
using xsp::model::ResNetNetwork;

namespace {

constexpr double kRelativeL2Bound = 1e-4;
constexpr double kMaxOverRmsBound = 1e-3;

hipStream_t theStream() {
  static hipStream_t s = [] {
    hipStream_t created;
    GPU_CHECK(hipStreamCreateWithPriority(&created, hipStreamNonBlocking, 0));
    return created;
  }();
  return s;
}

void poisonActivations(const ResNetNetwork& net, hipStream_t stream) {
  const auto& arch = net.architecture();
  const auto& plan = net.plan();
  GPU_CHECK(hipMemsetAsync(net.bufferPointer(xsp::model::kLogitsBuffer), 0xFF, sizeof(float) * arch.batch * 1000, stream));
  for (int b = xsp::model::kFirstScratchBuffer; b < arch.bufferCount; ++b) {
    GPU_CHECK(hipMemsetAsync(net.bufferPointer(b), 0xFF, sizeof(float) * arch.scratchElements, stream));
  }
  if (net.workspacePointer()) {
    GPU_CHECK(hipMemsetAsync(net.workspacePointer(), 0xFF, sizeof(float) * plan.workspaceFloats, stream));
  }
}

std::vector<float> runForward(ResNetNetwork& net, hipStream_t stream) {
  poisonActivations(net, stream);
  net.enqueueForward();
  return DeviceBuffer::downloadFrom(net.deviceOutput(), static_cast<size_t>(net.config().batch) * 1000, stream);
}

void expectClose(const std::string& what, const float* actual, const float* expected, size_t count) {
  const double l2 = xsp::reference::computeRelativeL2Error(actual, expected, count);
  const double mx = xsp::reference::computeMaxErrorOverRms(actual, expected, count);
  std::printf("     %-44s relL2 %.2e  max/rms %.2e\n", what.c_str(), l2, mx);
  if (!(l2 <= kRelativeL2Bound && mx <= kMaxOverRmsBound)) {
    xsp::testing::fail(__FILE__, __LINE__, what + ": relative L2 " + std::to_string(l2) + ", max/rms " +
                                               std::to_string(mx) + " over the bound");
  }
}

std::unique_ptr<ResNetNetwork> makeNetwork(ModelKind kind, int batch, int image, uint64_t seed) {
  NetworkConfig cfg;
  cfg.model = kind;
  cfg.batch = batch;
  cfg.imageSize = image;
  cfg.seed = seed;
  std::unique_ptr<xsp::Network> net = xsp::Network::create(cfg, theStream());
  return std::unique_ptr<ResNetNetwork>(static_cast<ResNetNetwork*>(net.release()));
}

// Whole batch against the reference, plus a second pass giving identical bits.
void checkWholeBatch(ModelKind kind, int batch, int image, uint64_t seed) {
  auto net = makeNetwork(kind, batch, image, seed);
  const std::vector<float> first = runForward(*net, theStream());
  const std::vector<float> second = runForward(*net, theStream());
  const auto expected = xsp::reference::runReferenceNetwork(net->architecture(), seed);
  const std::string what = std::string(xsp::modelName(kind)) + " batch " + std::to_string(batch) + " image " +
                           std::to_string(image) + " seed " + std::to_string(seed);
  expectClose(what, first.data(), expected.data.data(), expected.data.size());
  EXPECT_TRUE(first == second);  // deterministic, and the input was not overwritten
}

}  // namespace

TEST_CASE("resnet18 batch 2 image 64 matches the CPU reference") { checkWholeBatch(ModelKind::ResNet18, 2, 64, 4242); }

TEST_CASE("resnet50 batch 2 image 64 matches the CPU reference") { checkWholeBatch(ModelKind::ResNet50, 2, 64, 4343); }

TEST_CASE("resnet18 batch 1 image 224 (the hp shape: split-K tilings) matches the CPU reference") {
  checkWholeBatch(ModelKind::ResNet18, 1, 224, 4444);
}

TEST_CASE("resnet50 batch 1024 image 224 (the lp shape): images 0 and 1023 match the CPU reference") {
  const uint64_t seed = 4545;
  auto net = makeNetwork(ModelKind::ResNet50, 1024, 224, seed);
  const std::vector<float> logits = runForward(*net, theStream());
  const auto single = xsp::model::buildResNet(ModelKind::ResNet50, 1, 224);
  for (int image : {0, 1023}) {
    const auto input = xsp::reference::generateInputImage(net->architecture(), seed, image);
    const auto expected = xsp::reference::runReferenceNetwork(single, seed, nullptr, &input);
    expectClose("resnet50 batch 1024 image " + std::to_string(image), logits.data() + image * 1000,
                expected.data.data(), 1000);
  }
  size_t nonFinite = 0;
  for (float v : logits) nonFinite += std::isfinite(v) ? 0 : 1;
  EXPECT_EQ(nonFinite, static_cast<size_t>(0));  // every image of the batch was written
}

XSP_TEST_MAIN()
