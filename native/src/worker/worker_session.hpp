// One worker's protocol after loading (docs/protocol.md, steps 2-5): READY,
// wait for START, measure, write the result atomically, DONE. GPU-free: the
// forward pass, the stop state and the output are injected, so the whole
// sequence is tested on CPU.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "worker/exit_codes.hpp"
#include "worker/measurement_log.hpp"
#include "worker/stdin_watcher.hpp"
#include "worker/stop_request.hpp"
#include "worker/worker_result.hpp"

namespace xsp {

struct SessionSetup {
  WorkerOptions options;
  WorkerFingerprint fingerprint;
  std::vector<int64_t> scheduleNs;  // hp arrival offsets
  WarmupSummary warmup;
  std::function<void()> runForward;
  std::function<StopReason()> stopReason;
  std::function<void(const std::string&)> emitLine;
  int64_t progressPeriodNs;
};

class WorkerSession {
 public:
  explicit WorkerSession(SessionSetup setup);

  // Returns Ok, or Stopped after writing a partial result. Throws WorkerError
  // for protocol errors (6), stops before START (6 or 10) and write failures (8).
  ExitCode run(StdinWatcher& input);

  // For the stop watchdog: true once START was accepted.
  bool measuring() const { return measuring_; }
  // For the stop watchdog: writes the partial result and says DONE unless the
  // main thread has already begun writing (then nullopt). Never throws: a
  // write failure is printed and its exit code returned.
  std::optional<ExitCode> writePartialResultIfUnclaimed();

 private:
  ExitCode writeResult(bool partial);
  WorkerRunRecord assembleRecord(bool partial) const;

  SessionSetup setup_;
  MeasurementLog log_;
  int64_t startNs_ = 0;
  int64_t endNs_ = 0;
  std::atomic<bool> measuring_{false};
  std::atomic<bool> resultClaimed_{false};
  std::atomic<bool> resultDone_{false};
};

// A stop before START: stdin closing is a protocol error (6), a signal is a stop (10).
WorkerError stopBeforeStartError(StopReason reason);

}  // namespace xsp
