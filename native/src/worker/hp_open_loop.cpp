#include "worker/measurement_loops.hpp"

#include <algorithm>

#include "worker/monotonic_clock.hpp"

namespace xsp {
namespace {

// Covers the host's measured wake-up lateness (P99 ~300 us) with room; costs at most
// 0.5 ms of one CPU per request (2.5% of a core at 50 req/s).
constexpr int64_t kHpSpinNs = 500'000;

}  // namespace

LoopOutcome runHpOpenLoop(const std::vector<int64_t>& offsetsNs, const MeasurementWindow& window,
                          int64_t injectDelayNs, const LoopHooks& hooks, MeasurementLog& log) {
  // Offsets ascend, so the requests due inside the window are a prefix.
  auto dueEnd = std::lower_bound(offsetsNs.begin(), offsetsNs.end(), window.endNs - window.startNs);
  auto due = static_cast<size_t>(dueEnd - offsetsNs.begin());
  size_t finished = 0;
  for (size_t i = 0; i < due; ++i) {
    int64_t scheduledNs = window.startNs + offsetsNs[i];
    if (!waitUntilNs(scheduledNs, kHpSpinNs, hooks.stopRequested)) return LoopOutcome::Stopped;
    if (monotonicNowNs() > window.endNs + window.drainNs) {
      log.setUnstartedRequests(static_cast<int64_t>(due - i));
      return LoopOutcome::Completed;
    }
    if (injectDelayNs > 0 && !sleepUntilNs(monotonicNowNs() + injectDelayNs, hooks.stopRequested)) {
      return LoopOutcome::Stopped;
    }
    int64_t startedNs = monotonicNowNs();
    hooks.runForward();
    int64_t finishedNs = monotonicNowNs();
    log.addRequest({offsetsNs[i], startedNs - window.startNs, finishedNs - window.startNs});
    if (hooks.onFinished) hooks.onFinished(++finished, finishedNs);
  }
  return LoopOutcome::Completed;
}

}  // namespace xsp
