// Keeps the protocol's promise to stop within one second even when the main
// thread is blocked in a long GPU call (a ResNet-50 batch-1024 forward pass can
// take seconds): once a stop has been pending for graceNs, onOverdue() runs on
// the watchdog's thread (in the worker it writes the partial result and _exits).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>

namespace xsp {

// The worker's grace for the main thread to honour a stop before the watchdog
// acts; with writing the result and exiting it stays under the protocol's 1 s.
constexpr int64_t kWorkerStopGraceNs = 700'000'000;

class StopWatchdog {
 public:
  StopWatchdog(int64_t graceNs, std::function<bool()> stopRequested, std::function<void()> onOverdue);
  ~StopWatchdog();  // stops and joins the thread
  StopWatchdog(const StopWatchdog&) = delete;
  StopWatchdog& operator=(const StopWatchdog&) = delete;

 private:
  void watch();

  int64_t graceNs_;
  std::function<bool()> stopRequested_;
  std::function<void()> onOverdue_;
  std::atomic<bool> quit_{false};
  std::thread thread_;
};

}  // namespace xsp
