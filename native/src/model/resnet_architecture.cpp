#include "resnet_architecture.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace xsp::model {

double Layer::countMacs() const {
  if (kind == LayerKind::Conv) {
    return static_cast<double>(out.countElements()) * kernel * kernel * in.c;
  }
  if (kind == LayerKind::FullyConnected) return static_cast<double>(in.n) * in.c * out.c;
  return 0.0;
}

long long Architecture::countTorchvisionParameters() const {
  long long total = 0;
  for (const Layer& layer : layers) {
    if (!layer.hasParameters()) continue;
    total += layer.weightCount + 2LL * layer.foldedBatchNormChannels;
    if (layer.kind == LayerKind::FullyConnected) total += layer.biasCount;
  }
  return total;
}

double Architecture::countMacsPerForward() const {
  double total = 0.0;
  for (const Layer& layer : layers) total += layer.countMacs();
  return total;
}

namespace {

// Weight scale: He-uniform (variance 2/fan_in) keeps activations at a steady
// magnitude through conv+ReLU; the last conv of each residual branch gets half
// of it so the sums along 16 blocks stay finite and moderate without BatchNorm.
constexpr float kResidualBranchGain = 0.5f;
constexpr float kConvBiasBound = 0.1f;

// Builds the layer list, the parameter arena offsets and the buffer plan.
class ResNetBuilder {
 public:
  explicit ResNetBuilder(Architecture* arch) : arch_(arch) {}

  // Takes the lowest free scratch buffer.
  int takeScratch() {
    for (size_t i = 0; i < scratchBusy_.size(); ++i) {
      if (!scratchBusy_[i]) {
        scratchBusy_[i] = true;
        return kFirstScratchBuffer + static_cast<int>(i);
      }
    }
    scratchBusy_.push_back(true);
    return kFirstScratchBuffer + static_cast<int>(scratchBusy_.size()) - 1;
  }
  void releaseScratch(int buffer) {
    if (buffer >= kFirstScratchBuffer) scratchBusy_[buffer - kFirstScratchBuffer] = false;
  }

  TensorShape addConv(const std::string& name, const TensorShape& in, int inBuffer, int outBuffer, int outChannels,
                      int kernel, int stride, bool relu, int residualBuffer, float gain) {
    Layer layer;
    layer.kind = LayerKind::Conv;
    layer.name = name;
    layer.in = in;
    layer.kernel = kernel;
    layer.stride = stride;
    layer.pad = kernel / 2;
    layer.out = {in.n, (in.h + 2 * layer.pad - kernel) / stride + 1, (in.w + 2 * layer.pad - kernel) / stride + 1,
                 outChannels};
    layer.inBuffer = inBuffer;
    layer.outBuffer = outBuffer;
    layer.residualBuffer = residualBuffer;
    layer.relu = relu;
    const int fanIn = kernel * kernel * in.c;
    layer.weightBound = gain * std::sqrt(6.0f / static_cast<float>(fanIn));
    layer.biasBound = kConvBiasBound;
    layer.foldedBatchNormChannels = outChannels;
    const TensorShape out = layer.out;
    addParameters(&layer, static_cast<long long>(fanIn) * outChannels, outChannels);
    return out;
  }

  void addParameters(Layer* layer, long long weights, long long biases) {
    layer->weightOffset = arch_->parameterArenaFloats;
    layer->weightCount = weights;
    layer->biasOffset = layer->weightOffset + weights;
    layer->biasCount = biases;
    // Keep every tensor 16-byte aligned for vector loads.
    arch_->parameterArenaFloats = (layer->biasOffset + biases + 3) / 4 * 4;
    push(*layer);
  }

  void push(const Layer& layer) {
    if (layer.outBuffer >= kFirstScratchBuffer) {
      arch_->scratchElements = std::max(arch_->scratchElements, layer.out.countElements());
    }
    arch_->layers.push_back(layer);
  }

  int countScratch() const { return static_cast<int>(scratchBusy_.size()); }

 private:
  Architecture* arch_;
  std::vector<bool> scratchBusy_;
};

struct StageSpec {
  int blocks, width, stride;
};

// One residual block; returns the buffer holding its output. The block output
// overwrites the block input's buffer (x is dead once conv1 and the downsample
// have read it; without downsample each element is read as the residual just
// before the same thread overwrites it), so three scratch buffers suffice.
int addBlock(ResNetBuilder& b, const std::string& prefix, bool bottleneck, TensorShape* shape, int x, int width,
             int stride) {
  const int outChannels = bottleneck ? width * 4 : width;
  const bool downsample = stride != 1 || shape->c != outChannels;
  const TensorShape in = *shape;
  int identity = x;
  TensorShape branch;
  int t1 = b.takeScratch();
  if (bottleneck) {
    branch = b.addConv(prefix + ".conv1", in, x, t1, width, 1, 1, true, -1, 1.0f);
    int t2 = b.takeScratch();
    branch = b.addConv(prefix + ".conv2", branch, t1, t2, width, 3, stride, true, -1, 1.0f);
    b.releaseScratch(t1);
    if (downsample) {
      identity = b.takeScratch();
      b.addConv(prefix + ".downsample", in, x, identity, outChannels, 1, stride, false, -1, 1.0f);
    }
    *shape = b.addConv(prefix + ".conv3", branch, t2, x, outChannels, 1, 1, true, identity, kResidualBranchGain);
    b.releaseScratch(t2);
  } else {
    branch = b.addConv(prefix + ".conv1", in, x, t1, width, 3, stride, true, -1, 1.0f);
    if (downsample) {
      identity = b.takeScratch();
      b.addConv(prefix + ".downsample", in, x, identity, outChannels, 1, stride, false, -1, 1.0f);
    }
    *shape = b.addConv(prefix + ".conv2", branch, t1, x, outChannels, 3, 1, true, identity, kResidualBranchGain);
    b.releaseScratch(t1);
  }
  if (identity != x) b.releaseScratch(identity);
  return x;
}

}  // namespace

Architecture buildResNet(ModelKind kind, int batch, int imageSize) {
  if (batch < 1) throw std::invalid_argument("batch must be >= 1, got " + std::to_string(batch));
  if (imageSize < 32) {
    throw std::invalid_argument("image size must be >= 32 (five stride-2 stages), got " + std::to_string(imageSize));
  }
  Architecture arch;
  arch.kind = kind;
  arch.batch = batch;
  arch.imageSize = imageSize;
  arch.input = {batch, imageSize, imageSize, 3};
  ResNetBuilder b(&arch);

  const bool bottleneck = kind == ModelKind::ResNet50;
  const std::vector<int> blocks = bottleneck ? std::vector<int>{3, 4, 6, 3} : std::vector<int>{2, 2, 2, 2};

  int stem = b.takeScratch();
  TensorShape shape = b.addConv("conv1", arch.input, kInputBuffer, stem, 64, 7, 2, true, -1, 1.0f);
  Layer pool;
  pool.kind = LayerKind::MaxPool;
  pool.name = "maxpool";
  pool.in = shape;
  pool.kernel = 3;
  pool.stride = 2;
  pool.pad = 1;
  pool.out = {shape.n, (shape.h + 2 - 3) / 2 + 1, (shape.w + 2 - 3) / 2 + 1, shape.c};
  pool.inBuffer = stem;
  pool.outBuffer = b.takeScratch();
  b.push(pool);
  b.releaseScratch(stem);
  shape = pool.out;
  int x = pool.outBuffer;

  for (int stage = 0; stage < 4; ++stage) {
    const int width = 64 << stage;
    for (int block = 0; block < blocks[stage]; ++block) {
      const int stride = (stage > 0 && block == 0) ? 2 : 1;
      const std::string prefix = "layer" + std::to_string(stage + 1) + "." + std::to_string(block);
      x = addBlock(b, prefix, bottleneck, &shape, x, width, stride);
    }
  }

  Layer avg;
  avg.kind = LayerKind::GlobalAvgPool;
  avg.name = "avgpool";
  avg.in = shape;
  avg.out = {shape.n, 1, 1, shape.c};
  avg.inBuffer = x;
  avg.outBuffer = b.takeScratch();
  b.push(avg);

  Layer fc;
  fc.kind = LayerKind::FullyConnected;
  fc.name = "fc";
  fc.in = avg.out;
  fc.out = {shape.n, 1, 1, kClassCount};
  fc.inBuffer = avg.outBuffer;
  fc.outBuffer = kLogitsBuffer;
  // PyTorch's nn.Linear default bound, 1/sqrt(fan_in), for weight and bias.
  fc.weightBound = fc.biasBound = 1.0f / std::sqrt(static_cast<float>(fc.in.c));
  b.addParameters(&fc, static_cast<long long>(fc.in.c) * kClassCount, kClassCount);

  arch.bufferCount = kFirstScratchBuffer + b.countScratch();
  for (const Layer& layer : arch.layers) {
    if (layer.out.countElements() > kMaxTensorElements || layer.in.countElements() > kMaxTensorElements) {
      throw std::invalid_argument("batch " + std::to_string(batch) + " at image size " + std::to_string(imageSize) +
                                  " makes tensor " + layer.name + " exceed 2^31 elements; use a smaller batch");
    }
  }
  return arch;
}

}  // namespace xsp::model
