// An owned device allocation of floats (tests and the benchmark; the network
// itself carves one allocation with its device plan).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "../common/gpu_check.hpp"

namespace xsp::kernels {

class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  explicit DeviceBuffer(size_t count) : count_(count) {
    GPU_CHECK(hipMalloc(reinterpret_cast<void**>(&data_), (count > 0 ? count : 1) * sizeof(float)));
  }
  ~DeviceBuffer() { (void)hipFree(data_); }
  DeviceBuffer(DeviceBuffer&& o) noexcept : data_(o.data_), count_(o.count_) { o.data_ = nullptr; o.count_ = 0; }
  DeviceBuffer& operator=(DeviceBuffer&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(count_, o.count_);
    return *this;
  }
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;

  float* data() const { return data_; }
  size_t count() const { return count_; }

  void upload(const std::vector<float>& host, hipStream_t stream) {
    GPU_CHECK(hipMemcpyAsync(data_, host.data(), host.size() * sizeof(float), hipMemcpyHostToDevice, stream));
    GPU_CHECK(hipStreamSynchronize(stream));
  }
  std::vector<float> download(hipStream_t stream) const { return downloadFrom(data_, count_, stream); }
  // Every byte 0xFF: a NaN in every float, so an element a kernel fails to write is caught.
  void poison(hipStream_t stream) { GPU_CHECK(hipMemsetAsync(data_, 0xFF, count_ * sizeof(float), stream)); }

  static std::vector<float> downloadFrom(const float* device, size_t count, hipStream_t stream) {
    std::vector<float> host(count);
    GPU_CHECK(hipMemcpyAsync(host.data(), device, count * sizeof(float), hipMemcpyDeviceToHost, stream));
    GPU_CHECK(hipStreamSynchronize(stream));
    return host;
  }

 private:
  float* data_ = nullptr;
  size_t count_ = 0;
};

}  // namespace xsp::kernels
