// The worker's questions to the GPU runtime (gpu_device.hip): which GPU, what it
// is, how much memory is free, which stream priority. Every call goes through
// GPU_CHECK; the answers are plain host types.
#pragma once

#include <cstddef>

#include "worker/fingerprint.hpp"
#include "worker/worker_options.hpp"

namespace xsp {

// Counts devices and makes `index` current. Throws WorkerError: NoGpu (3) when
// none is visible, GpuIndexOutOfRange (4) when index is not one of them.
void selectGpu(int index);

// The fingerprint's GPU-side fields for GPU `index` (after selectGpu): identity,
// runtime and driver versions, MPS observation, and the stream priority choice.
WorkerFingerprint describeGpu(int index, Role role, StreamPriorityKind priority);

// Free bytes on the current GPU.
size_t queryFreeDeviceBytes();

}  // namespace xsp
