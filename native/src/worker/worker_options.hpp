// The worker's options after validation (docs/protocol.md, "Invocation").
// Mirrors WorkerOptions in perf/lib/documents/types/worker-result.ts, plus drainMs.
#pragma once

#include <cstdint>
#include <string>

#include "model/model_kind.hpp"

namespace xsp {

enum class Role { Hp, Lp };
enum class Arrival { Uniform, Poisson };
enum class StreamPriorityKind { Default, High, Low };

const char* roleName(Role role);
const char* arrivalName(Arrival arrival);
const char* streamPriorityName(StreamPriorityKind kind);

struct WorkerOptions {
  Role role = Role::Hp;
  ModelKind model = ModelKind::ResNet18;
  int batch = 1;
  int imageSize = 224;
  int gpuIndex = 0;
  uint64_t seed = 1;
  int64_t durationMs = 10000;
  double rateHz = 10.0;  // hp only
  Arrival arrival = Arrival::Uniform;  // hp only
  StreamPriorityKind streamPriority = StreamPriorityKind::Default;
  int warmupIterations = 5;
  int64_t injectDelayUs = 0;  // hp only
  int64_t drainMs = 5000;
  // 1..100: the stream runs on that share of the CUs (AMD only, docs/arms.md); 0: no mask.
  int cuMaskPercent = 0;
  std::string resultPath;
};

enum class WorkerMode { Run, Probe, Version, Help };

struct CommandLine {
  WorkerMode mode = WorkerMode::Run;
  WorkerOptions options;
};

}  // namespace xsp
