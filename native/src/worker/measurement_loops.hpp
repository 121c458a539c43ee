// The two roles' measurement loops (docs/protocol.md, step 4), GPU-free: the
// forward pass comes in as a callable, so the timing logic is tested on CPU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "worker/measurement_log.hpp"

namespace xsp {

struct MeasurementWindow {
  int64_t startNs;  // absolute CLOCK_MONOTONIC
  int64_t endNs;
  int64_t drainNs;  // hp: how long after endNs a late request may still start
};

struct LoopHooks {
  std::function<void()> runForward;  // enqueue one forward pass and wait for it
  std::function<bool()> stopRequested;
  std::function<void(size_t finished, int64_t nowNs)> onFinished;  // optional
};

enum class LoopOutcome { Completed, Stopped };

// hp, open loop: request i is due at startNs + offsetsNs[i] (those before endNs).
// It sleeps until then unless already behind, waits injectDelayNs, records
// started, runs, records finished. Behind-schedule requests are never skipped:
// the queueing shows as latency (finished - scheduled). Requests not started by
// endNs + drainNs are counted as unstarted.
LoopOutcome runHpOpenLoop(const std::vector<int64_t>& offsetsNs, const MeasurementWindow& window,
                          int64_t injectDelayNs, const LoopHooks& hooks, MeasurementLog& log);

// lp, closed loop: back-to-back iterations from startNs while now < endNs;
// the last one ends after endNs.
LoopOutcome runLpBackToBack(const MeasurementWindow& window, const LoopHooks& hooks, MeasurementLog& log);

}  // namespace xsp
