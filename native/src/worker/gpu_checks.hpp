// Decisions and messages about the GPU the worker was given, kept host-side so
// each failure's exit code and one-line reason are tested on CPU.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace xsp {

// Throws WorkerError(NoGpu) when the runtime failed to count devices or found none.
void checkGpuCount(int count, bool countCallFailed, const std::string& runtimeError);
// Throws WorkerError(GpuIndexOutOfRange) when index is not in [0, count).
void checkGpuIndex(int index, int count);

// The largest batch in [1, requestedBatch) whose requiredBytes(batch) <= freeBytes,
// or 0 when none fits. Assumes requiredBytes grows with the batch.
int largestBatchThatFits(const std::function<size_t(int)>& requiredBytes, size_t freeBytes, int requestedBatch);

// Throws WorkerError(NotEnoughMemory) when requiredBytes(batch) > freeBytes,
// saying needed and free bytes and a batch that fits.
void checkDeviceMemory(const std::function<size_t(int)>& requiredBytes, int batch, size_t freeBytes,
                       const std::string& what);

// "1.50 GiB (1610612736 bytes)".
std::string formatByteCount(size_t bytes);

}  // namespace xsp
