#include "device_plan.hpp"

#include <algorithm>

namespace xsp::model {

namespace {

// 256-byte alignment for every region (float4 access needs 16).
long long alignFloats(long long floats) { return (floats + 63) / 64 * 64; }

}  // namespace

kernels::ConvShape makeConvShape(const Layer& layer) {
  kernels::ConvShape s;
  s.n = layer.in.n;
  s.h = layer.in.h;
  s.w = layer.in.w;
  s.c = layer.in.c;
  s.k = layer.out.c;
  s.kernel = layer.kernel;
  s.stride = layer.stride;
  s.pad = layer.pad;
  return s;
}

DevicePlan planDevice(const Architecture& arch, int smCount) {
  DevicePlan plan;
  plan.tilings.resize(arch.layers.size());
  for (size_t i = 0; i < arch.layers.size(); ++i) {
    const Layer& layer = arch.layers[i];
    if (!layer.hasParameters()) continue;
    const kernels::ConvShape shape = makeConvShape(layer);
    plan.tilings[i] = kernels::chooseConvTiling(shape, smCount);
    plan.workspaceFloats = std::max(plan.workspaceFloats, kernels::countConvWorkspaceFloats(shape, plan.tilings[i]));
  }
  long long cursor = 0;
  auto take = [&cursor](long long floats) {
    const long long at = cursor;
    cursor += alignFloats(floats);
    return at;
  };
  plan.parameterOffset = take(arch.parameterArenaFloats);
  plan.bufferOffsets.resize(arch.bufferCount);
  plan.bufferOffsets[kInputBuffer] = take(arch.input.countElements());
  plan.bufferOffsets[kLogitsBuffer] = take(static_cast<long long>(arch.batch) * kClassCount);
  for (int b = kFirstScratchBuffer; b < arch.bufferCount; ++b) plan.bufferOffsets[b] = take(arch.scratchElements);
  plan.workspaceOffset = take(plan.workspaceFloats);
  plan.totalFloats = cursor;
  return plan;
}

}  // namespace xsp::model
