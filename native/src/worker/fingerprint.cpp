#include "worker/fingerprint.hpp"

#include <unistd.h>

#include <climits>

#include "worker/xsched_libraries.hpp"

namespace xsp {

void fillHostFacts(WorkerFingerprint& fingerprint) {
  fingerprint.workerVersion = XSP_WORKER_VERSION;
  fingerprint.pid = static_cast<int>(::getpid());
  char host[HOST_NAME_MAX + 1] = {};
  fingerprint.hostname = ::gethostname(host, sizeof host - 1) == 0 ? host : "unknown";
  fingerprint.xschedLibraries = findXschedLibraries(readSelfMapsText());
}

void writeFingerprintJson(JsonWriter& json, const WorkerFingerprint& f) {
  json.beginObject();
  json.key("schemaVersion").integer(kFingerprintSchemaVersion);
  json.key("workerVersion").string(f.workerVersion);
  json.key("pid").integer(f.pid);
  json.key("hostname").string(f.hostname);
  json.key("role").string(roleName(f.role));
  json.key("platform").string(f.platform);
  json.key("gpu").beginObject();
  json.key("index").integer(f.gpu.index);
  json.key("name").string(f.gpu.name);
  json.key("arch").string(f.gpu.arch);
  json.key("uuid").string(f.gpu.uuid);
  json.key("pciBusId").string(f.gpu.pciBusId);
  json.key("memoryTotalBytes").integer(f.gpu.memoryTotalBytes);
  json.key("multiprocessorCount").integer(f.gpu.multiprocessorCount);
  json.endObject();
  json.key("runtimeVersion").string(f.runtimeVersion);
  json.key("driverVersion").string(f.driverVersion);
  json.key("xschedLibraries").beginArray();
  for (const auto& path : f.xschedLibraries) json.string(path);
  json.endArray();
  json.key("mps").beginObject();
  json.key("client");
  f.mps.client ? json.boolean(*f.mps.client) : json.null();
  json.key("source").string(f.mps.source);
  json.key("pipeDirectory");
  f.mps.pipeDirectory ? json.string(*f.mps.pipeDirectory) : json.null();
  json.endObject();
  json.key("stream").beginObject();
  json.key("priority").string(streamPriorityName(f.stream.kind));
  json.key("value").integer(f.stream.value);
  json.key("leastPriority").integer(f.stream.leastPriority);
  json.key("greatestPriority").integer(f.stream.greatestPriority);
  json.endObject();
  if (f.cuMask) {
    json.key("cuMask").beginObject();
    json.key("requestedPercent").integer(f.cuMask->requestedPercent);
    json.key("cuCount").integer(f.cuMask->cuCount);
    json.key("maskHex").string(f.cuMask->maskHex);
    json.key("readBackHex").string(f.cuMask->readBackHex);
    json.endObject();
  }
  json.key("clock").string("CLOCK_MONOTONIC");
  json.endObject();
}

std::string renderFingerprintJson(const WorkerFingerprint& fingerprint) {
  JsonWriter json;
  writeFingerprintJson(json, fingerprint);
  return json.text();
}

}  // namespace xsp
