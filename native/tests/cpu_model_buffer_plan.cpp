// The buffer plan (scratch reuse, in-place residual blocks) checked against an
// independent, structured replay of the torchvision forward pass that keeps
// every tensor: if the plan overwrote a tensor still needed, the logits differ.
#include <cmath>
#include <stdexcept>
#include <string>

#include "../src/model/resnet_architecture.hpp"
#include "../src/reference/reference_network.hpp"
#include "testing.hpp"

using xsp::ModelKind;
using xsp::model::Architecture;
using xsp::model::Layer;
using xsp::reference::ConvSpec;
using xsp::reference::HostTensor;

namespace {

struct StructuredReplay {
  const Architecture& arch;
  std::vector<float> params;

  const Layer& find(const std::string& name) const {
    for (const Layer& layer : arch.layers)
      if (layer.name == name) return layer;
    throw std::runtime_error("no layer named " + name);
  }
  // Kernel, stride and relu come from this structure, not from the plan.
  HostTensor conv(const HostTensor& x, const std::string& name, int outChannels, int kernel, int stride, bool relu,
                  const HostTensor* residual) const {
    const Layer& layer = find(name);
    if (layer.weightCount != static_cast<long long>(kernel) * kernel * x.c * outChannels) {
      throw std::runtime_error(name + ": planned weight count differs from the structure");
    }
    return xsp::reference::computeConvReference(x, &params[layer.weightOffset], &params[layer.biasOffset],
                                                ConvSpec{outChannels, kernel, stride, kernel / 2, relu}, residual);
  }

  HostTensor run(uint64_t seed) const {
    const bool bottleneck = arch.kind == ModelKind::ResNet50;
    const int blocks[4] = {bottleneck ? 3 : 2, bottleneck ? 4 : 2, bottleneck ? 6 : 2, bottleneck ? 3 : 2};
    HostTensor x = conv(xsp::reference::generateInput(arch, seed), "conv1", 64, 7, 2, true, nullptr);
    x = xsp::reference::computeMaxPoolReference(x, 3, 2, 1);
    for (int stage = 0; stage < 4; ++stage) {
      const int width = 64 << stage, out = bottleneck ? width * 4 : width;
      for (int b = 0; b < blocks[stage]; ++b) {
        const std::string p = "layer" + std::to_string(stage + 1) + "." + std::to_string(b);
        const int stride = stage > 0 && b == 0 ? 2 : 1;
        const bool down = stride != 1 || x.c != out;
        const HostTensor identity = down ? conv(x, p + ".downsample", out, 1, stride, false, nullptr) : x;
        if (bottleneck) {
          HostTensor y = conv(x, p + ".conv1", width, 1, 1, true, nullptr);
          y = conv(y, p + ".conv2", width, 3, stride, true, nullptr);
          x = conv(y, p + ".conv3", out, 1, 1, true, &identity);
        } else {
          const HostTensor y = conv(x, p + ".conv1", width, 3, stride, true, nullptr);
          x = conv(y, p + ".conv2", out, 3, 1, true, &identity);
        }
      }
    }
    const Layer& fc = find("fc");
    return xsp::reference::computeFullyConnectedReference(xsp::reference::computeGlobalAvgPoolReference(x),
                                                          &params[fc.weightOffset], &params[fc.biasOffset], 1000);
  }
};

void expectPlanMatchesStructure(ModelKind kind) {
  const Architecture arch = xsp::model::buildResNet(kind, 2, 32);
  const StructuredReplay replay{arch, xsp::reference::generateParameters(arch, 5)};
  const HostTensor structured = replay.run(5);
  const HostTensor planned = xsp::reference::runReferenceNetwork(arch, 5);
  EXPECT_EQ(planned.data.size(), structured.data.size());
  // Same float operations in the same order: bit-identical.
  EXPECT_NEAR(xsp::reference::computeRelativeL2Error(planned.data.data(), structured.data.data(),
                                                     structured.data.size()), 0.0, 0.0);
}

}  // namespace

TEST_CASE("resnet18 buffer plan gives the structured replay's logits exactly") {
  expectPlanMatchesStructure(ModelKind::ResNet18);
}

TEST_CASE("resnet50 buffer plan gives the structured replay's logits exactly") {
  expectPlanMatchesStructure(ModelKind::ResNet50);
}

XSP_TEST_MAIN()
