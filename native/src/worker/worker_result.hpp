// The result file (docs/protocol.md, "Result file"; the TypeScript mirror is
// perf/lib/documents/types/worker-result.ts). Times are nanoseconds relative to startNs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "worker/fingerprint.hpp"
#include "worker/worker_options.hpp"

namespace xsp {

constexpr const char* kWorkerResultSchema = "xsched-perf.worker-result";
constexpr int kWorkerResultSchemaVersion = 1;

struct HpRequestTimes {
  int64_t scheduledNs;
  int64_t startedNs;
  int64_t finishedNs;
};

struct LpIterationTimes {
  int64_t startNs;
  int64_t endNs;
};

struct WarmupSummary {
  int iterations = 0;
  double meanMs = 0;
};

struct WorkerRunRecord {
  WorkerOptions options;
  WorkerFingerprint fingerprint;
  int64_t startNs = 0;  // absolute CLOCK_MONOTONIC
  int64_t endNs = 0;
  bool partial = false;
  std::string partialReason;  // empty unless partial
  std::vector<HpRequestTimes> requests;  // hp
  int64_t unstartedRequests = 0;  // hp
  std::vector<LpIterationTimes> iterations;  // lp
  WarmupSummary warmup;
};

std::string renderWorkerResultJson(const WorkerRunRecord& record);

}  // namespace xsp
