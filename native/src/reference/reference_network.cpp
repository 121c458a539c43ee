#include "reference_network.hpp"

#include <cmath>
#include <stdexcept>

#include "../model/seeded_values.hpp"

namespace xsp::reference {

using model::Architecture;
using model::Layer;
using model::LayerKind;

std::vector<float> generateParameters(const Architecture& arch, uint64_t seed) {
  std::vector<float> arena(static_cast<size_t>(arch.parameterArenaFloats), 0.0f);
  for (size_t i = 0; i < arch.layers.size(); ++i) {
    const Layer& layer = arch.layers[i];
    if (!layer.hasParameters()) continue;
    const uint64_t wKey = model::makeTensorKey(seed, model::makeWeightTensorId(static_cast<int>(i)));
    const uint64_t bKey = model::makeTensorKey(seed, model::makeBiasTensorId(static_cast<int>(i)));
    for (long long e = 0; e < layer.weightCount; ++e) {
      arena[layer.weightOffset + e] = model::computeSeededValue(wKey, e, layer.weightBound);
    }
    for (long long e = 0; e < layer.biasCount; ++e) {
      arena[layer.biasOffset + e] = model::computeSeededValue(bKey, e, layer.biasBound);
    }
  }
  return arena;
}

HostTensor generateInput(const Architecture& arch, uint64_t seed) {
  HostTensor t(arch.input.n, arch.input.h, arch.input.w, arch.input.c);
  const uint64_t key = model::makeTensorKey(seed, model::kInputTensorId);
  for (size_t e = 0; e < t.data.size(); ++e) t.data[e] = model::computeSeededValue(key, e, 1.0f);
  return t;
}

HostTensor generateInputImage(const Architecture& arch, uint64_t seed, int image) {
  if (image < 0 || image >= arch.batch) {
    throw std::invalid_argument("image " + std::to_string(image) + " is outside the batch of " +
                                std::to_string(arch.batch));
  }
  HostTensor t(1, arch.input.h, arch.input.w, arch.input.c);
  const uint64_t key = model::makeTensorKey(seed, model::kInputTensorId);
  const uint64_t first = static_cast<uint64_t>(image) * t.data.size();
  for (size_t e = 0; e < t.data.size(); ++e) t.data[e] = model::computeSeededValue(key, first + e, 1.0f);
  return t;
}

double computeRms(const HostTensor& t) {
  double sum = 0.0;
  for (float v : t.data) sum += static_cast<double>(v) * v;
  return t.data.empty() ? 0.0 : std::sqrt(sum / t.data.size());
}

HostTensor runReferenceNetwork(const Architecture& arch, uint64_t seed, std::vector<double>* layerRms,
                               const HostTensor* input) {
  const std::vector<float> params = generateParameters(arch, seed);
  std::vector<HostTensor> buffers(arch.bufferCount);
  buffers[model::kInputBuffer] = input ? *input : generateInput(arch, seed);
  if (layerRms) layerRms->clear();
  for (const Layer& layer : arch.layers) {
    const HostTensor& in = buffers[layer.inBuffer];
    if (in.n != layer.in.n || in.h != layer.in.h || in.w != layer.in.w || in.c != layer.in.c) {
      throw std::logic_error("layer " + layer.name + ": buffer " + std::to_string(layer.inBuffer) +
                             " does not hold the planned input shape");
    }
    HostTensor out;
    switch (layer.kind) {
      case LayerKind::Conv: {
        ConvSpec spec{layer.out.c, layer.kernel, layer.stride, layer.pad, layer.relu};
        const HostTensor* residual = layer.residualBuffer >= 0 ? &buffers[layer.residualBuffer] : nullptr;
        out = computeConvReference(in, &params[layer.weightOffset], &params[layer.biasOffset], spec, residual);
        break;
      }
      case LayerKind::MaxPool: out = computeMaxPoolReference(in, layer.kernel, layer.stride, layer.pad); break;
      case LayerKind::GlobalAvgPool: out = computeGlobalAvgPoolReference(in); break;
      case LayerKind::FullyConnected:
        out = computeFullyConnectedReference(in, &params[layer.weightOffset], &params[layer.biasOffset], layer.out.c);
        break;
    }
    if (layerRms) layerRms->push_back(computeRms(out));
    buffers[layer.outBuffer] = std::move(out);
  }
  return buffers[model::kLogitsBuffer];
}

}  // namespace xsp::reference
