"""The result file of docs/protocol.md ("Result file"), written atomically (temporary file in the
same directory, then rename), with the schema name and version the suite reads
(perf/lib/documents/types/worker-result.ts)."""

import json
import os
import tempfile

from .errors import RESULT_WRITE, WorkerError

SCHEMA = "xsched-perf.worker-result"
SCHEMA_VERSION = 1


def options_json(options):
    data = {
        "role": options.role, "model": options.model, "batch": options.batch, "imageSize": options.image_size,
        "gpuIndex": options.gpu_index, "seed": options.seed, "durationMs": options.duration_ms,
        "streamPriority": options.stream_priority, "warmupIterations": options.warmup_iterations,
        "injectDelayUs": options.inject_delay_us,
    }
    if options.role == "hp":
        data["rateHz"] = options.rate_hz
        data["arrival"] = options.arrival
    return data


def build_result(options, fingerprint, start_ns, end_ns, log, warmup, partial_reason, stream_use):
    result = {
        "schema": SCHEMA, "schemaVersion": SCHEMA_VERSION,
        "options": options_json(options), "fingerprint": fingerprint,
        "startNs": str(start_ns), "endNs": str(end_ns),
        "partial": partial_reason is not None, "partialReason": partial_reason,
        "warmup": warmup, "streamUse": stream_use,
    }
    if options.role == "hp":
        result["requests"] = log["requests"]
        result["unstartedRequests"] = log["unstartedRequests"]
    else:
        result["iterations"] = log["iterations"]
    return result


def write_atomic(path, document):
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".result-", dir=directory)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, separators=(",", ":"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise WorkerError(RESULT_WRITE, f"could not write the result file {path}: {error}")
