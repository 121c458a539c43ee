// The interface between the worker (roles, protocol) and the models (kernels).
// A Network owns its weights, input and activations on the device and enqueues
// one forward pass on the stream it was created with. It never synchronizes and
// never touches the legacy default stream (XSched does not schedule it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "../common/gpu_runtime.hpp"
#include "model_kind.hpp"  // ModelKind, parseModelKind, modelName (host-only, shared with the CPU tests)

namespace xsp {

struct NetworkConfig {
  ModelKind model = ModelKind::ResNet18;
  int batch = 1;
  int imageSize = 224;
  uint64_t seed = 1;
};

class Network {
 public:
  virtual ~Network() = default;

  // Device bytes create() will allocate (weights + activations + workspace),
  // so the worker can refuse up front with "needs X, Y free".
  static size_t requiredDeviceBytes(const NetworkConfig& cfg);

  // Allocates and initialises everything (seeded weights with BN folded in, seeded input).
  static std::unique_ptr<Network> create(const NetworkConfig& cfg, hipStream_t stream);

  // Enqueue one forward pass on the stream; returns immediately.
  virtual void enqueueForward() = 0;

  virtual const NetworkConfig& config() const = 0;
  virtual long long parameterCount() const = 0;
  // Multiply-accumulates of one forward pass for the whole batch.
  virtual double macsPerForward() const = 0;
  // Device pointer to the [batch, 1000] logits.
  virtual const float* deviceOutput() const = 0;
};

}  // namespace xsp
