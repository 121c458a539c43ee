#include "resnet_network.hpp"

#include <stdexcept>
#include <string>

#include "../common/gpu_check.hpp"
#include "../kernels/conv_gemm.hpp"
#include "../kernels/pooling.hpp"
#include "../kernels/seeded_fill.hpp"
#include "seeded_values.hpp"

namespace xsp {

size_t Network::requiredDeviceBytes(const NetworkConfig& cfg) {
  const model::Architecture arch = model::buildResNet(cfg.model, cfg.batch, cfg.imageSize);
  return model::planDevice(arch, model::queryCurrentSmCount()).countBytes();
}

std::unique_ptr<Network> Network::create(const NetworkConfig& cfg, hipStream_t stream) {
  return std::make_unique<model::ResNetNetwork>(cfg, stream);
}

namespace model {

int queryCurrentSmCount() {
  int device = 0;
  GPU_CHECK(hipGetDevice(&device));
  hipDeviceProp_t prop;
  GPU_CHECK(hipGetDeviceProperties(&prop, device));
  return prop.multiProcessorCount;
}

ResNetNetwork::ResNetNetwork(const NetworkConfig& cfg, hipStream_t stream)
    : cfg_(cfg), stream_(stream), arch_(buildResNet(cfg.model, cfg.batch, cfg.imageSize)) {
  plan_ = planDevice(arch_, queryCurrentSmCount());
  GPU_CHECK(hipMalloc(reinterpret_cast<void**>(&base_), plan_.countBytes()));
  try {
    enqueueInitialisation();
    GPU_CHECK(hipStreamSynchronize(stream_));
  } catch (...) {
    (void)hipFree(base_);
    throw;
  }
}

ResNetNetwork::~ResNetNetwork() {
  // hipFree waits for the device to finish with the memory; nothing to report from a destructor.
  (void)hipFree(base_);
}

void ResNetNetwork::enqueueInitialisation() {
  float* params = base_ + plan_.parameterOffset;
  for (size_t i = 0; i < arch_.layers.size(); ++i) {
    const Layer& layer = arch_.layers[i];
    if (!layer.hasParameters()) continue;
    const int index = static_cast<int>(i);
    kernels::enqueueSeededFill(params + layer.weightOffset, layer.weightCount,
                               makeTensorKey(cfg_.seed, makeWeightTensorId(index)), layer.weightBound, stream_);
    kernels::enqueueSeededFill(params + layer.biasOffset, layer.biasCount,
                               makeTensorKey(cfg_.seed, makeBiasTensorId(index)), layer.biasBound, stream_);
  }
  kernels::enqueueSeededFill(bufferPointer(kInputBuffer), arch_.input.countElements(),
                             makeTensorKey(cfg_.seed, kInputTensorId), 1.0f, stream_);
}

void ResNetNetwork::overrideConvTiling(size_t layer, const kernels::ConvTiling& tiling) {
  const Layer& l = arch_.layers.at(layer);
  if (!l.hasParameters()) throw std::invalid_argument("layer " + l.name + " is not a conv or fc layer");
  const long long needed = kernels::countConvWorkspaceFloats(makeConvShape(l), tiling);
  if (needed > plan_.workspaceFloats) {
    throw std::invalid_argument("tiling for " + l.name + " needs " + std::to_string(needed) +
                                " workspace floats, " + std::to_string(plan_.workspaceFloats) + " were allocated");
  }
  plan_.tilings[layer] = tiling;
}

void ResNetNetwork::enqueueForward() {
  for (size_t i = 0; i < arch_.layers.size(); ++i) enqueueLayer(i);
}

void ResNetNetwork::enqueueLayer(size_t index) {
  const Layer& layer = arch_.layers.at(index);
  const float* in = bufferPointer(layer.inBuffer);
  float* out = bufferPointer(layer.outBuffer);
  switch (layer.kind) {
    case LayerKind::Conv:
    case LayerKind::FullyConnected: {
      const float* params = base_ + plan_.parameterOffset;
      kernels::ConvTensors t;
      t.input = in;
      t.weight = params + layer.weightOffset;
      t.bias = params + layer.biasOffset;
      t.residual = layer.residualBuffer >= 0 ? bufferPointer(layer.residualBuffer) : nullptr;
      t.output = out;
      t.workspace = workspacePointer();
      kernels::enqueueConv(makeConvShape(layer), layer.relu, plan_.tilings[index], t, stream_);
      break;
    }
    case LayerKind::MaxPool:
      kernels::enqueueMaxPool({layer.in.n, layer.in.h, layer.in.w, layer.in.c}, layer.kernel, layer.stride, layer.pad,
                              in, out, stream_);
      break;
    case LayerKind::GlobalAvgPool:
      kernels::enqueueGlobalAvgPool({layer.in.n, layer.in.h, layer.in.w, layer.in.c}, in, out, stream_);
      break;
  }
}

}  // namespace model
}  // namespace xsp
