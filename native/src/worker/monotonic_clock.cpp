#include "worker/monotonic_clock.hpp"

#include <time.h>

#include <algorithm>
#include <cerrno>

namespace xsp {
namespace {

constexpr int64_t kSliceNs = 50'000'000;

timespec toTimespec(int64_t ns) {
  timespec ts;
  ts.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
  ts.tv_nsec = static_cast<long>(ns % 1'000'000'000);
  return ts;
}

}  // namespace

int64_t monotonicNowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

bool sleepUntilNs(int64_t deadlineNs, const std::function<bool()>& stopRequested) {
  for (;;) {
    if (stopRequested && stopRequested()) return false;
    int64_t now = monotonicNowNs();
    if (now >= deadlineNs) return true;
    timespec until = toTimespec(std::min(deadlineNs, now + kSliceNs));
    // EINTR (a signal) just loops: the stop check above decides.
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, nullptr) == EINTR) {
      if (stopRequested && stopRequested()) return false;
    }
  }
}

bool waitUntilNs(int64_t deadlineNs, int64_t spinNs, const std::function<bool()>& stopRequested) {
  if (!sleepUntilNs(deadlineNs - std::max<int64_t>(spinNs, 0), stopRequested)) return false;
  while (monotonicNowNs() < deadlineNs) {
  }
  return true;
}

}  // namespace xsp
