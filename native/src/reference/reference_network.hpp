// The whole network on the CPU: regenerates the GPU's seeded parameters and
// input (seeded_values.hpp) and replays the architecture's layers with the
// reference ops. Slow (single thread, double sums): for small shapes only.
#pragma once

#include <cstdint>
#include <vector>

#include "../model/resnet_architecture.hpp"
#include "reference_ops.hpp"

namespace xsp::reference {

// The parameter arena exactly as the GPU network fills it.
std::vector<float> generateParameters(const model::Architecture& arch, uint64_t seed);
// The network input (NHWC) exactly as the GPU network fills it.
HostTensor generateInput(const model::Architecture& arch, uint64_t seed);

// Image `image` of arch's batch input as a batch-1 tensor. Images never mix, so
// a batch-1 reference run on it gives that image's logits of the large batch.
HostTensor generateInputImage(const model::Architecture& arch, uint64_t seed, int image);

// Runs every layer; returns the [batch, 1, 1, 1000] logits. If layerRms is given,
// it receives the root mean square of each layer's output (for checking scale).
// `input` replaces the seeded input (its shape must be arch.input).
HostTensor runReferenceNetwork(const model::Architecture& arch, uint64_t seed, std::vector<double>* layerRms = nullptr,
                               const HostTensor* input = nullptr);

double computeRms(const HostTensor& t);

}  // namespace xsp::reference
