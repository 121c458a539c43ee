// Where everything of one network lives in its single device allocation, and
// how each conv/fc is tiled on a GPU with `smCount` SMs. Host-only: the worker
// asks for the byte count before allocating, and the CPU tests check the plan.
#pragma once

#include <cstddef>
#include <vector>

#include "../kernels/conv_tiling.hpp"
#include "resnet_architecture.hpp"

namespace xsp::model {

struct DevicePlan {
  std::vector<kernels::ConvTiling> tilings;  // per layer; meaningful for conv and fc only
  std::vector<long long> bufferOffsets;      // per buffer id (input, logits, scratch...), in floats
  long long parameterOffset = 0;
  long long workspaceOffset = 0, workspaceFloats = 0;  // split-K partial sums, shared by all layers
  long long totalFloats = 0;

  size_t countBytes() const { return static_cast<size_t>(totalFloats) * sizeof(float); }
};

// The GEMM shape of a conv or fc layer (fc = 1x1 conv over a 1x1 image).
kernels::ConvShape makeConvShape(const Layer& layer);

DevicePlan planDevice(const Architecture& arch, int smCount);

}  // namespace xsp::model
