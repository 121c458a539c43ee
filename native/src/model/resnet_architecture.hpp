// The architecture of ResNet-18/50 (torchvision v1.5: in bottlenecks the stride
// sits in the 3x3 conv) as a flat list of layers in execution order, with every
// tensor shape, the parameter arena layout and the activation buffer plan.
// Host-only: the GPU network executes it, the CPU reference replays it, and the
// CPU tests check its parameter and MAC counts against torchvision.
//
// Layouts: activations NHWC; conv weights [r][s][cin][cout] (output channel fastest),
// one bias per output channel (the BatchNorm folded in); fc weights [cin][cout].
#pragma once

#include <string>
#include <vector>

#include "model_kind.hpp"

namespace xsp::model {

struct TensorShape {
  int n = 0, h = 0, w = 0, c = 0;
  long long countElements() const { return static_cast<long long>(n) * h * w * c; }
};

enum class LayerKind { Conv, MaxPool, GlobalAvgPool, FullyConnected };

// Activation buffers: the read-only input, the logits, then scratch buffers
// reused across layers (each sized for the largest tensor written to any).
constexpr int kInputBuffer = 0;
constexpr int kLogitsBuffer = 1;
constexpr int kFirstScratchBuffer = 2;

struct Layer {
  LayerKind kind = LayerKind::Conv;
  std::string name;  // torchvision-style, e.g. "layer2.0.conv2", "layer2.0.downsample"
  TensorShape in, out;
  int inBuffer = -1, outBuffer = -1;
  int residualBuffer = -1;  // conv only: added before the ReLU; may equal outBuffer (in place)
  int kernel = 1, stride = 1, pad = 0;
  bool relu = false;
  // Conv and fc: offsets (in floats) into the parameter arena, and the uniform
  // bounds the seeded initialisation uses for them.
  long long weightOffset = 0, weightCount = 0;
  long long biasOffset = 0, biasCount = 0;
  float weightBound = 0.0f, biasBound = 0.0f;
  // Channels of the BatchNorm torchvision has after this conv (folded here).
  int foldedBatchNormChannels = 0;

  bool hasParameters() const { return kind == LayerKind::Conv || kind == LayerKind::FullyConnected; }
  // Multiply-accumulates of this layer for the whole batch (pools count 0).
  double countMacs() const;
};

struct Architecture {
  ModelKind kind = ModelKind::ResNet18;
  int batch = 0, imageSize = 0;
  TensorShape input;
  std::vector<Layer> layers;
  int bufferCount = 0;                // input + logits + scratch
  long long scratchElements = 0;      // per scratch buffer
  long long parameterArenaFloats = 0; // stored weights + biases

  // torchvision's count: conv weights + 2 per BatchNorm channel + fc weights and bias.
  long long countTorchvisionParameters() const;
  double countMacsPerForward() const;
  double countMacsPerImage() const { return countMacsPerForward() / batch; }
  int countScratchBuffers() const { return bufferCount - kFirstScratchBuffer; }
};

constexpr int kClassCount = 1000;
// Largest tensor the int32 indexing of the kernels can address.
constexpr long long kMaxTensorElements = 2147483647LL;

// Throws std::invalid_argument (quoting the value) for batch < 1, image size < 32,
// or shapes whose tensors exceed kMaxTensorElements.
Architecture buildResNet(ModelKind kind, int batch, int imageSize);

}  // namespace xsp::model
