// The Network implementation for ResNet-18/50. Exposed (beyond network.hpp)
// so the benchmark can time single layers and the GPU tests can inspect the plan.
#pragma once

#include <cstddef>

#include "device_plan.hpp"
#include "network.hpp"
#include "resnet_architecture.hpp"

namespace xsp::model {

class ResNetNetwork final : public Network {
 public:
  // Allocates one device region, fills parameters and input on `stream` from
  // the seed, and waits for that (creation may block; forward passes never do).
  ResNetNetwork(const NetworkConfig& cfg, hipStream_t stream);
  ~ResNetNetwork() override;
  ResNetNetwork(const ResNetNetwork&) = delete;
  ResNetNetwork& operator=(const ResNetNetwork&) = delete;

  void enqueueForward() override;
  // Enqueues one layer of the forward pass (layers must run in order).
  void enqueueLayer(size_t index);

  const NetworkConfig& config() const override { return cfg_; }
  long long parameterCount() const override { return arch_.countTorchvisionParameters(); }
  double macsPerForward() const override { return arch_.countMacsPerForward(); }
  const float* deviceOutput() const override { return bufferPointer(kLogitsBuffer); }

  // Replaces the tiling of one conv/fc layer (benchmark comparisons of kernel
  // variants). Throws std::invalid_argument if it needs more split-K workspace
  // than was allocated.
  void overrideConvTiling(size_t layer, const kernels::ConvTiling& tiling);

  const Architecture& architecture() const { return arch_; }
  const DevicePlan& plan() const { return plan_; }
  float* bufferPointer(int buffer) const { return base_ + plan_.bufferOffsets[buffer]; }
  float* workspacePointer() const { return plan_.workspaceFloats > 0 ? base_ + plan_.workspaceOffset : nullptr; }

 private:
  void enqueueInitialisation();

  NetworkConfig cfg_;
  hipStream_t stream_;
  Architecture arch_;
  DevicePlan plan_;
  float* base_ = nullptr;
};

// SM count of the current device (the tiling depends on it).
int queryCurrentSmCount();

}  // namespace xsp::model
