// xsched-perf-worker: one role of the dual-model experiment (docs/protocol.md;
// build and usage in docs/native-worker.md). This file holds the GPU-facing
// sequence; the protocol, timing and result logic live in host .cpp files
// tested on CPU. Every failure ends as one stderr line and an exit code.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/gpu_check.hpp"
#include "common/gpu_stream.hpp"
#include "model/network.hpp"
#include "worker/arrival_schedule.hpp"
#include "worker/command_line.hpp"
#include "worker/cu_mask_stream.hpp"
#include "worker/gpu_checks.hpp"
#include "worker/gpu_device.hpp"
#include "worker/monotonic_clock.hpp"
#include "worker/overdue_stop.hpp"
#include "worker/progress_ticker.hpp"
#include "worker/protocol_output.hpp"
#include "worker/stop_watchdog.hpp"
#include "worker/worker_session.hpp"

namespace xsp {
namespace {

std::string describeModel(const WorkerOptions& o) {
  return std::string(modelName(o.model)) + " at " + std::to_string(o.imageSize) + "x" + std::to_string(o.imageSize);
}

// Forward passes before READY: kernels loaded, caches and clocks warm. The mean
// is reported so a reader can compare it with the measured latencies.
WarmupSummary runWarmup(Network& network, hipStream_t stream, int iterations) {
  int64_t totalNs = 0;
  for (int i = 0; i < iterations; ++i) {
    if (stopRequested()) throw stopBeforeStartError(stopReason());
    int64_t startNs = monotonicNowNs();
    network.enqueueForward();
    GPU_CHECK(hipStreamSynchronize(stream));
    totalNs += monotonicNowNs() - startNs;
  }
  return {iterations, static_cast<double>(totalNs) / iterations / 1e6};
}

// A plain stream at the chosen priority, or with --cu-mask-percent one on part of the CUs,
// its read-back mask recorded in the fingerprint (docs/arms.md).
GpuStream openWorkerStream(const WorkerOptions& o, WorkerFingerprint& fingerprint) {
  if (o.cuMaskPercent == 0) return GpuStream(fingerprint.stream.value);
  CuMaskObservation observed;
  CuMaskedStream masked = createCuMaskedStreamForPercent(o.cuMaskPercent, fingerprint.gpu.multiprocessorCount, observed);
  fingerprint.cuMask = observed;
  return GpuStream::adopt(masked.stream);
}

int runProbe(const WorkerOptions& o) {
  selectGpu(o.gpuIndex);
  WorkerFingerprint fingerprint = describeGpu(o.gpuIndex, o.role, o.streamPriority);
  fillHostFacts(fingerprint);
  printProtocolLine(renderFingerprintJson(fingerprint));
  return exitStatus(ExitCode::Ok);
}

ExitCode runMeasurement(const WorkerOptions& o) {
  OverdueStopHandler overdue;  // outlives the watchdog, which calls it
  StopWatchdog watchdog(kWorkerStopGraceNs, stopRequested, [&overdue] { overdue.handle(); });
  StdinWatcher input(STDIN_FILENO, [] { requestStop(StopReason::StdinClosed); });

  selectGpu(o.gpuIndex);
  WorkerFingerprint fingerprint = describeGpu(o.gpuIndex, o.role, o.streamPriority);
  NetworkConfig config{o.model, o.batch, o.imageSize, o.seed};
  auto requiredBytes = [config](int batch) {
    NetworkConfig c = config;
    c.batch = batch;
    return Network::requiredDeviceBytes(c);
  };
  checkDeviceMemory(requiredBytes, o.batch, queryFreeDeviceBytes(), describeModel(o));
  GpuStream stream = openWorkerStream(o, fingerprint);
  std::unique_ptr<Network> network = Network::create(config, stream.get());
  std::vector<int64_t> schedule;
  if (o.role == Role::Hp) schedule = generateArrivalOffsetsNs(o.arrival, o.rateHz, o.durationMs * 1'000'000, o.seed);
  WarmupSummary warmup = runWarmup(*network, stream.get(), o.warmupIterations);
  fillHostFacts(fingerprint);  // last: lists libraries mapped while loading too

  auto runForward = [&network, &stream] {
    network->enqueueForward();
    GPU_CHECK(hipStreamSynchronize(stream.get()));
  };
  auto session = std::make_shared<WorkerSession>(SessionSetup{
      o, fingerprint, std::move(schedule), warmup, runForward, stopReason, printProtocolLine, kProgressPeriodNs});
  // Stays attached while the watchdog runs: a stop during teardown then finds the
  // result claimed and leaves the exit to this thread.
  overdue.attach(session);
  return session->run(input);
}

int runWorker(const std::vector<std::string>& args) {
  CommandLine cl = parseCommandLine(args);
  switch (cl.mode) {
    case WorkerMode::Help:
      std::fputs(workerUsageText().c_str(), stdout);
      return exitStatus(ExitCode::Ok);
    case WorkerMode::Version:
      std::printf("xsched-perf-worker %s (%s)\n", XSP_WORKER_VERSION, XSP_PLATFORM_NAME);
      return exitStatus(ExitCode::Ok);
    case WorkerMode::Probe:
      return runProbe(cl.options);
    case WorkerMode::Run:
      if (cl.options.cuMaskPercent != 0) requireCuMaskRuntime(cl.options.cuMaskPercent);
      installStopHandlers();
      return exitStatus(runMeasurement(cl.options));
  }
  return exitStatus(ExitCode::BadCommandLine);
}

}  // namespace
}  // namespace xsp

int main(int argc, char** argv) {
  using namespace xsp;
  configureProtocolStdout();
  try {
    return runWorker(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const WorkerError& e) {
    printWorkerError(e.what());
    return exitStatus(e.code());
  } catch (const GpuError& e) {
    // An allocation can still fail after the up-front check when another process takes memory.
    bool outOfMemory = e.code() == hipErrorOutOfMemory;
    printWorkerError(std::string(outOfMemory ? "not enough GPU memory: " : "GPU runtime error: ") + e.what());
    return exitStatus(outOfMemory ? ExitCode::NotEnoughMemory : ExitCode::GpuRuntimeError);
  } catch (const std::invalid_argument& e) {
    // The model rejects shapes it cannot build (e.g. an image size too small for ResNet).
    printWorkerError(std::string("invalid model configuration: ") + e.what());
    return exitStatus(ExitCode::BadCommandLine);
  } catch (const std::exception& e) {
    printWorkerError(std::string("internal error (a bug; please report): ") + e.what());
    return exitStatus(ExitCode::InternalError);
  }
}
