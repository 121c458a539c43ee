"""The worker's sequence (docs/protocol.md, "Sequence"): options, device, model, stream, schedule,
warm-up, READY, START, measure, result, DONE. Errors end with one stderr line and an exit code."""

import json
import queue
import sys
import time

from . import WORKER_VERSION
from .errors import ERROR_PREFIX, GPU_RUNTIME, INTERNAL, OUT_OF_MEMORY, PROTOCOL, STOPPED, WorkerError
from .options import USAGE, parse_options
from .schedule import arrival_offsets_ns
from .stop import StopState, install_stop_handlers, watch_stdin


def _say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _import_torch():
    try:
        import torch
    except ImportError as error:
        raise WorkerError(INTERNAL, f"torch is not importable ({error}); install PyTorch for this python3")
    return torch


def _read_start(stop):
    line = ""
    while line == "":
        try:
            line = stop.start_lines.get(timeout=0.1)
        except queue.Empty:
            if stop.requested:
                raise WorkerError(STOPPED, f"stopped before START ({stop.reason})")
    if line is None:
        raise WorkerError(PROTOCOL, "stdin closed before START")
    parts = line.split()
    if len(parts) != 3 or parts[0] != "START" or not all(p.isdigit() for p in parts[1:]):
        raise WorkerError(PROTOCOL, f"malformed START line {line.strip()!r} (expected START <startNs> <endNs>)")
    start_ns, end_ns = int(parts[1]), int(parts[2])
    now = time.monotonic_ns()
    if start_ns < now:
        raise WorkerError(PROTOCOL, f"start instant {start_ns} already passed ({now - start_ns} ns ago)")
    if end_ns <= start_ns:
        raise WorkerError(PROTOCOL, f"malformed START line {line.strip()!r}: end is not after start")
    return start_ns, end_ns


def _prepare(torch, options):
    from .device import fingerprint, framework_versions, select_device, strict_fp32, stream_priority_range, stream_priority_value
    from .forward import Forward
    from .models import build_model

    math_mode = strict_fp32(torch)  # before the first pass: cuDNN picks its algorithms then
    device = select_device(torch, options)
    model, tv_version, source = build_model(torch, options.model, options.seed, device)
    least, greatest = stream_priority_range(torch, device)
    forward = Forward(torch, model, device, options.batch, options.image_size,
                      stream_priority_value(options.stream_priority, least, greatest))
    started = time.monotonic_ns()
    for _ in range(options.warmup_iterations):
        forward()
    warmup = {"iterations": options.warmup_iterations,
              "meanMs": (time.monotonic_ns() - started) / 1e6 / max(1, options.warmup_iterations)}
    framework = framework_versions(torch, tv_version, source, math_mode)
    return forward, warmup, fingerprint(torch, device, options.role, options.stream_priority, framework)


def _probe(torch, options):
    from .device import fingerprint, framework_versions, select_device

    device = select_device(torch, options)
    _say(json.dumps(fingerprint(torch, device, options.role, options.stream_priority, framework_versions(torch, None, "probe", None))))


def _measure(options, stop, forward, warmup, print_fingerprint):
    from .loops import Progress, hp_progress_fields, run_hp, run_lp
    from .result import build_result, write_atomic

    if stop.requested:
        raise WorkerError(STOPPED, f"stopped before READY ({stop.reason})")
    offsets = arrival_offsets_ns(options.arrival, options.rate_hz, options.duration_ms * 1_000_000, options.seed) if options.role == "hp" else []
    watch_stdin(stop)
    _say("READY " + json.dumps(print_fingerprint, separators=(",", ":")))
    start_ns, end_ns = _read_start(stop)
    log = {"requests": [], "unstartedRequests": 0, "iterations": []}
    fields = (lambda: hp_progress_fields(log["requests"])) if options.role == "hp" else None
    progress = Progress(_say, fields)
    if options.role == "hp":
        completed = run_hp(offsets, start_ns, end_ns, options.drain_ms * 1_000_000, options.inject_delay_us * 1000, forward, stop, progress, log)
    else:
        completed = run_lp(start_ns, end_ns, forward, stop, progress, log)
    partial_reason = None if completed else stop.reason
    write_atomic(options.result_path, build_result(options, print_fingerprint, start_ns, end_ns, log, warmup, partial_reason, forward.stream_use()))
    if not completed:
        raise WorkerError(STOPPED, f"stopped ({partial_reason}); partial result written to {options.result_path}")
    _say(f"DONE {options.result_path}")


def _classify_runtime_error(error):
    text = str(error)
    if "out of memory" in text.lower():
        return WorkerError(OUT_OF_MEMORY, f"not enough GPU memory: {text.splitlines()[0]}")
    return WorkerError(GPU_RUNTIME, f"GPU runtime error: {text.splitlines()[0] if text else type(error).__name__}")


def main(argv):
    try:
        options = parse_options(argv)
        if options.action == "version":
            _say(WORKER_VERSION)
            return 0
        if options.action == "help":
            _say(USAGE)
            return 0
        stop = StopState()
        install_stop_handlers(stop)
        torch = _import_torch()
        try:
            if options.probe:
                _probe(torch, options)
                return 0
            forward, warmup, print_fingerprint = _prepare(torch, options)
            _measure(options, stop, forward, warmup, print_fingerprint)
        except RuntimeError as error:
            raise _classify_runtime_error(error) from error
        return 0
    except WorkerError as error:
        sys.stderr.write(ERROR_PREFIX + str(error) + "\n")
        return error.exit_code
    except Exception as error:  # a bug: say what, with the internal-error code
        sys.stderr.write(f"{ERROR_PREFIX}internal error: {type(error).__name__}: {error}\n")
        return INTERNAL
