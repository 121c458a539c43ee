#include "worker/measurement_loops.hpp"
#include "worker/monotonic_clock.hpp"

namespace xsp {

LoopOutcome runLpBackToBack(const MeasurementWindow& window, const LoopHooks& hooks, MeasurementLog& log) {
  if (!sleepUntilNs(window.startNs, hooks.stopRequested)) return LoopOutcome::Stopped;
  size_t finished = 0;
  for (;;) {
    if (hooks.stopRequested && hooks.stopRequested()) return LoopOutcome::Stopped;
    int64_t startedNs = monotonicNowNs();
    if (startedNs >= window.endNs) return LoopOutcome::Completed;
    hooks.runForward();
    int64_t endedNs = monotonicNowNs();
    log.addIteration({startedNs - window.startNs, endedNs - window.startNs});
    if (hooks.onFinished) hooks.onFinished(++finished, endedNs);
  }
}

}  // namespace xsp
