// RAII for the worker's one stream: created non-blocking (no implicit sync with
// the legacy default stream, which XSched does not schedule) with a priority.
#pragma once

#include "gpu_check.hpp"

namespace xsp {

class GpuStream {
 public:
  explicit GpuStream(int priority) { GPU_CHECK(hipStreamCreateWithPriority(&stream_, hipStreamNonBlocking, priority)); }
  // A destructor cannot report; the process is ending or already reported an error.
  ~GpuStream() { (void)hipStreamDestroy(stream_); }
  GpuStream(const GpuStream&) = delete;
  GpuStream& operator=(const GpuStream&) = delete;

  hipStream_t get() const { return stream_; }

  // Owns a stream created elsewhere, e.g. the CU-masked one (worker/cu_mask_stream.hpp).
  static GpuStream adopt(hipStream_t stream) { return GpuStream(stream, Adopt{}); }

 private:
  struct Adopt {};
  GpuStream(hipStream_t stream, Adopt) : stream_(stream) {}

  hipStream_t stream_ = nullptr;
};

}  // namespace xsp
