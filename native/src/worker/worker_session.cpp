#include "worker/worker_session.hpp"

#include <chrono>
#include <thread>

#include "worker/atomic_file.hpp"
#include "worker/measurement_loops.hpp"
#include "worker/monotonic_clock.hpp"
#include "worker/progress_ticker.hpp"
#include "worker/protocol_output.hpp"
#include "worker/start_line.hpp"

namespace xsp {

WorkerError stopBeforeStartError(StopReason reason) {
  if (reason == StopReason::StdinClosed) {
    return WorkerError(ExitCode::ProtocolError, "stdin closed before START; no result written");
  }
  return WorkerError(ExitCode::Stopped, std::string(describeStopReason(reason)) + " before START; no result written");
}

WorkerSession::WorkerSession(SessionSetup setup)
    : setup_(std::move(setup)), log_(setup_.options.role == Role::Hp ? setup_.scheduleNs.size() : 4096) {}

ExitCode WorkerSession::run(StdinWatcher& input) {
  auto stopRequested = [this] { return setup_.stopReason() != StopReason::None; };
  setup_.emitLine("READY " + renderFingerprintJson(setup_.fingerprint));
  std::optional<std::string> line = input.waitForFirstLine(stopRequested);
  if (!line) throw stopBeforeStartError(input.closed() ? StopReason::StdinClosed : setup_.stopReason());
  StartInstants start = parseStartLine(*line);
  checkStartNotPassed(start, monotonicNowNs());
  startNs_ = start.startNs;
  endNs_ = start.endNs;
  measuring_ = true;

  std::function<std::string()> progressFields;
  if (setup_.options.role == Role::Hp) progressFields = [this] { return hpProgressFields(log_.hpLatenciesNs()); };
  ProgressTicker ticker(start.startNs, setup_.progressPeriodNs, setup_.emitLine, progressFields);
  LoopHooks hooks{setup_.runForward, stopRequested,
                  [&ticker](size_t finished, int64_t nowNs) { ticker.onFinished(finished, nowNs); }};
  MeasurementWindow window{start.startNs, start.endNs, setup_.options.drainMs * 1'000'000};
  LoopOutcome outcome =
      setup_.options.role == Role::Hp
          ? runHpOpenLoop(setup_.scheduleNs, window, setup_.options.injectDelayUs * 1000, hooks, log_)
          : runLpBackToBack(window, hooks, log_);

  if (resultClaimed_.exchange(true)) {
    // The watchdog is writing the partial result and will end the process.
    while (!resultDone_) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return ExitCode::Stopped;
  }
  return writeResult(outcome == LoopOutcome::Stopped);
}

std::optional<ExitCode> WorkerSession::writePartialResultIfUnclaimed() {
  if (!measuring_ || resultClaimed_.exchange(true)) return std::nullopt;
  try {
    return writeResult(true);
  } catch (const WorkerError& e) {
    printWorkerError(e.what());
    return e.code();
  }
}

WorkerRunRecord WorkerSession::assembleRecord(bool partial) const {
  WorkerRunRecord record;
  record.options = setup_.options;
  record.fingerprint = setup_.fingerprint;
  record.startNs = startNs_;
  record.endNs = endNs_;
  record.partial = partial;
  if (partial) {
    double secondsIn = static_cast<double>(monotonicNowNs() - startNs_) / 1e9;
    record.partialReason = std::string(describeStopReason(setup_.stopReason())) + " " +
                           std::to_string(secondsIn) + " s after the start instant";
  }
  MeasurementSnapshot snapshot = log_.snapshot();
  record.requests = std::move(snapshot.requests);
  record.iterations = std::move(snapshot.iterations);
  record.unstartedRequests = snapshot.unstartedRequests;
  record.warmup = setup_.warmup;
  return record;
}

ExitCode WorkerSession::writeResult(bool partial) {
  WorkerRunRecord record = assembleRecord(partial);
  try {
    writeFileAtomically(setup_.options.resultPath, renderWorkerResultJson(record) + "\n");
  } catch (...) {
    resultDone_ = true;
    throw;
  }
  setup_.emitLine("DONE " + setup_.options.resultPath);
  resultDone_ = true;
  return partial ? ExitCode::Stopped : ExitCode::Ok;
}

}  // namespace xsp
