// What a worker says about itself on its READY line and in its result
// (docs/protocol.md; perf/lib/documents/types/fingerprint.ts is the TypeScript mirror).
// The GPU side fills gpu, versions, mps and stream; fillHostFacts the rest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "worker/cu_mask.hpp"
#include "worker/json_writer.hpp"
#include "worker/worker_options.hpp"

namespace xsp {

constexpr int kFingerprintSchemaVersion = 1;

struct GpuIdentity {
  int index = 0;
  std::string name;
  std::string arch;
  std::string uuid;
  std::string pciBusId;
  int64_t memoryTotalBytes = 0;
  int multiprocessorCount = 0;
};

struct MpsObservation {
  std::optional<bool> client;  // nullopt: the runtime cannot tell
  std::string source;
  std::optional<std::string> pipeDirectory;
};

struct StreamPriorityChoice {
  StreamPriorityKind kind = StreamPriorityKind::Default;
  int value = 0;
  int leastPriority = 0;
  int greatestPriority = 0;
};

struct WorkerFingerprint {
  std::string workerVersion;
  int pid = 0;
  std::string hostname;
  Role role = Role::Hp;
  std::string platform;  // "hip-amd" or "cuda"
  GpuIdentity gpu;
  std::string runtimeVersion;
  std::string driverVersion;
  std::vector<std::string> xschedLibraries;
  MpsObservation mps;
  StreamPriorityChoice stream;
  std::optional<CuMaskObservation> cuMask;  // only with --cu-mask-percent
};

// workerVersion, pid, hostname and xschedLibraries (from /proc/self/maps), so
// call it last before READY: libraries loaded late are then listed too.
void fillHostFacts(WorkerFingerprint& fingerprint);

void writeFingerprintJson(JsonWriter& json, const WorkerFingerprint& fingerprint);
std::string renderFingerprintJson(const WorkerFingerprint& fingerprint);

}  // namespace xsp
