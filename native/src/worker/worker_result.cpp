#include "worker/worker_result.hpp"

#include "model/model_kind.hpp"

namespace xsp {
namespace {

void writeOptions(JsonWriter& json, const WorkerOptions& o) {
  json.beginObject();
  json.key("role").string(roleName(o.role));
  json.key("model").string(modelName(o.model));
  json.key("batch").integer(o.batch);
  json.key("imageSize").integer(o.imageSize);
  json.key("gpuIndex").integer(o.gpuIndex);
  json.key("seed").integer(static_cast<int64_t>(o.seed));
  json.key("durationMs").integer(o.durationMs);
  json.key("streamPriority").string(streamPriorityName(o.streamPriority));
  if (o.role == Role::Hp) {
    json.key("rateHz").number(o.rateHz);
    json.key("arrival").string(arrivalName(o.arrival));
  }
  json.key("warmupIterations").integer(o.warmupIterations);
  json.key("injectDelayUs").integer(o.injectDelayUs);
  json.endObject();
}

}  // namespace

std::string renderWorkerResultJson(const WorkerRunRecord& r) {
  JsonWriter json;
  json.beginObject();
  json.key("schema").string(kWorkerResultSchema);
  json.key("schemaVersion").integer(kWorkerResultSchemaVersion);
  json.key("options");
  writeOptions(json, r.options);
  json.key("fingerprint");
  writeFingerprintJson(json, r.fingerprint);
  // Absolute instants exceed 2^53, so they travel as decimal strings.
  json.key("startNs").string(std::to_string(r.startNs));
  json.key("endNs").string(std::to_string(r.endNs));
  json.key("partial").boolean(r.partial);
  json.key("partialReason");
  r.partial ? json.string(r.partialReason) : json.null();
  if (r.options.role == Role::Hp) {
    json.key("requests").beginArray();
    for (const auto& q : r.requests) json.beginArray().integer(q.scheduledNs).integer(q.startedNs).integer(q.finishedNs).endArray();
    json.endArray();
    json.key("unstartedRequests").integer(r.unstartedRequests);
  } else {
    json.key("iterations").beginArray();
    for (const auto& it : r.iterations) json.beginArray().integer(it.startNs).integer(it.endNs).endArray();
    json.endArray();
  }
  json.key("warmup").beginObject();
  json.key("iterations").integer(r.warmup.iterations);
  json.key("meanMs").number(r.warmup.meanMs);
  json.endObject();
  json.endObject();
  return json.text();
}

}  // namespace xsp
