#include "worker/stop_watchdog.hpp"

#include <chrono>

#include "worker/monotonic_clock.hpp"

namespace xsp {

StopWatchdog::StopWatchdog(int64_t graceNs, std::function<bool()> stopRequested, std::function<void()> onOverdue)
    : graceNs_(graceNs), stopRequested_(std::move(stopRequested)), onOverdue_(std::move(onOverdue)) {
  thread_ = std::thread(&StopWatchdog::watch, this);
}

StopWatchdog::~StopWatchdog() {
  quit_ = true;
  thread_.join();
}

void StopWatchdog::watch() {
  int64_t stopSeenNs = -1;
  bool fired = false;
  while (!quit_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (fired || !stopRequested_()) continue;
    int64_t now = monotonicNowNs();
    if (stopSeenNs < 0) stopSeenNs = now;
    if (now - stopSeenNs >= graceNs_) {
      fired = true;
      onOverdue_();
    }
  }
}

}  // namespace xsp
