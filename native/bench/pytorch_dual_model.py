#!/usr/bin/env python3
"""PyTorch reference for the dual-model experiment, measured as our native worker measures (docs/protocol.md).

One OS process per role: the parent spawns `--role hp|lp` children of this script, waits for their READY
lines, hands them one common CLOCK_MONOTONIC start instant on stdin and writes their RESULTs as one JSON.
Usage and output: pytorch_dual_model.md next to this file. `--self-test` needs no GPU and no torch.
"""
import argparse
import contextlib
import ctypes
import json
import math
import os
import queue
import signal
import subprocess
import sys
import threading
import time

SCHEMA = "xsched-perf.pytorch-dual-model"
IMAGE_SIZE = 224
DRAIN_NS = 5_000_000_000  # as the worker's default --drain-ms: hp requests due in the window may start this late
START_LEAD_NS = 1_000_000_000  # start instant = now + 1 s after every child is READY
READY_TIMEOUT_S = 300  # model build, CUDA/cuDNN init and warm-up of ResNet-50 batch 1024 fit well inside


class Failure(Exception):
    """An error with the whole context in its message; printed as one line, exit 1."""


def uniform_offsets_ns(rate_hz, duration_ns):
    """Offsets i * period from the start, below duration (multiplied, never accumulated: no drift)."""
    if not (rate_hz > 0 and math.isfinite(rate_hz)) or duration_ns <= 0:
        raise ValueError(f"schedule needs rate > 0 and duration > 0, got rate {rate_hz!r} Hz, {duration_ns!r} ns")
    period_ns, offsets = 1e9 / rate_hz, []
    while (offset := round(len(offsets) * period_ns)) < duration_ns:
        offsets.append(offset)
    return offsets


def nearest_rank(sorted_values, p):
    """Smallest sample with at least p of all samples at or below it (the suite's percentile.ts)."""
    if not sorted_values:
        return None  # JSON null, never NaN: readers look at the count first
    rank = min(len(sorted_values), max(1, math.ceil(p * len(sorted_values) - 1e-9)))
    return sorted_values[rank - 1]


def summarize_hp(requests, unstarted, window_ns):
    """requests: [scheduled, started, finished] ns relative to the start instant."""
    lat_ms = sorted((f - s) / 1e6 for s, _, f in requests)
    inside = sum(1 for _, _, f in requests if f <= window_ns)
    last_finish_ns = max((f for _, _, f in requests), default=0)
    return {"count": len(requests), "unstarted": unstarted,
            "achievedRateHz": inside / (window_ns / 1e9),
            # The suite's own definition (perf/lib/stats/hp-samples.ts), for side-by-side comparison.
            "suiteAchievedRateHz": len(requests) / (max(window_ns, last_finish_ns) / 1e9),
            "p50Ms": nearest_rank(lat_ms, 0.50), "p90Ms": nearest_rank(lat_ms, 0.90),
            "p99Ms": nearest_rank(lat_ms, 0.99), "maxMs": lat_ms[-1] if lat_ms else None}


def summarize_lp(iterations, window_ns):
    """Iterations inside [0, window]; the one running across the end counts by its fraction inside (as the suite)."""
    inside = sum((min(e, window_ns) - max(s, 0)) / (e - s) if e > s else 1.0
                 for s, e in iterations if min(e, window_ns) > max(s, 0))
    ms = sorted((e - s) / 1e6 for s, e in iterations)
    return {"iterations": inside, "iterPerSec": inside / (window_ns / 1e9), "recorded": len(iterations),
            "medianIterMs": nearest_rank(ms, 0.5)}


def run_role(args):
    """Child: build, warm up, READY, wait for START, measure one role, print RESULT."""
    # Die with the parent (Linux prctl PR_SET_PDEATHSIG = 1): no GPU process may outlive a failed run.
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)
    import torch
    import torchvision
    if not torch.cuda.is_available():
        raise Failure("torch.cuda.is_available() is False: no CUDA GPU visible (check CUDA_VISIBLE_DEVICES, "
                      "the driver, and under MPS that the daemon runs with this CUDA_MPS_PIPE_DIRECTORY)")
    # Strict fp32 as our kernels (plain FP32 FMA); --tf32 only to reproduce PyTorch-default numbers.
    torch.backends.cudnn.allow_tf32 = args.tf32
    torch.backends.cuda.matmul.allow_tf32 = args.tf32
    torch.backends.cudnn.benchmark = False
    model_name, batch = ("resnet18", 1) if args.role == "hp" else ("resnet50", args.lp_batch)
    torch.manual_seed(args.seed + (0 if args.role == "hp" else 1))
    device = torch.device("cuda:0")
    model = getattr(torchvision.models, model_name)(weights=None).eval().to(device)
    x = torch.randn(batch, 3, IMAGE_SIZE, IMAGE_SIZE, device=device)
    # An explicit stream, as the worker: XSched does not schedule the legacy default stream.
    stream = torch.cuda.Stream(device=device)
    torch.cuda.synchronize(device)

    def forward():
        with torch.cuda.stream(stream):
            model(x)
        stream.synchronize()

    with torch.inference_mode():
        t0 = time.monotonic_ns()
        for _ in range(args.warmup):
            forward()
        warmup_ms = (time.monotonic_ns() - t0) / 1e6 / args.warmup
        offsets = uniform_offsets_ns(args.hp_rate, int(args.duration_s * 1e9)) if args.role == "hp" else []
        props = torch.cuda.get_device_properties(device)
        print("READY " + json.dumps({
            "pid": os.getpid(), "role": args.role, "model": model_name, "batch": batch, "gpu": props.name,
            "gpuUuid": str(getattr(props, "uuid", "")) or None, "multiprocessorCount": props.multi_processor_count,
            "torch": torch.__version__, "torchvision": torchvision.__version__, "cuda": torch.version.cuda,
            "cudnn": torch.backends.cudnn.version(), "tf32Cudnn": torch.backends.cudnn.allow_tf32,
            "tf32Matmul": torch.backends.cuda.matmul.allow_tf32,
            "mpsPipeDirectory": os.environ.get("CUDA_MPS_PIPE_DIRECTORY"),
            "warmup": {"iterations": args.warmup, "meanMs": warmup_ms}}), flush=True)
        line = sys.stdin.readline().split()
        if len(line) != 3 or line[0] != "START":
            raise Failure(f"expected 'START <startNs> <endNs>' on stdin, got {' '.join(line)!r}")
        start_ns, end_ns = int(line[1]), int(line[2])
        if time.monotonic_ns() >= start_ns:
            raise Failure(f"start instant {start_ns} already passed when START arrived (now {time.monotonic_ns()})")
        if args.role == "hp":
            requests, unstarted = [], 0
            due = [o for o in offsets if start_ns + o < end_ns]
            for i, offset in enumerate(due):
                # Sleep unless behind: a worker that falls behind shows the queueing as latency.
                time.sleep(max(0, start_ns + offset - time.monotonic_ns()) / 1e9)
                if (started := time.monotonic_ns()) > end_ns + DRAIN_NS:
                    unstarted = len(due) - i
                    break
                forward()
                requests.append([offset, started - start_ns, time.monotonic_ns() - start_ns])
            result = {"requests": requests, "unstartedRequests": unstarted}
        else:
            iterations = []
            time.sleep(max(0, start_ns - time.monotonic_ns()) / 1e9)
            while (started := time.monotonic_ns()) < end_ns:
                forward()
                iterations.append([started - start_ns, time.monotonic_ns() - start_ns])
            result = {"iterations": iterations}
    print("RESULT " + json.dumps(result), flush=True)


def spawn_role(role, args, lines):
    """Parent: start one child of this script; its stdout lines go to the shared queue."""
    cmd = [sys.executable, os.path.abspath(__file__), "--role", role, "--hp-rate", repr(args.hp_rate),
           "--lp-batch", str(args.lp_batch), "--duration-s", repr(args.duration_s),
           "--warmup", str(args.warmup), "--seed", str(args.seed)] + (["--tf32"] if args.tf32 else [])
    # The environment passes through whole: CUDA_MPS_PIPE_DIRECTORY makes the child an MPS client.
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def pump():  # a reader thread per child, so the parent can wait on all with one deadline
        for raw in proc.stdout:
            lines.put((role, raw.rstrip("\n")))
        lines.put((role, None))
    threading.Thread(target=pump, daemon=True).start()
    return proc


def await_lines(procs, lines, prefix, deadline_s):
    """The JSON after `prefix` from each role's stdout, within deadline_s; other lines pass through."""
    got, limit = {}, time.monotonic() + deadline_s
    while len(got) < len(procs):
        try:
            role, line = lines.get(timeout=max(0.0, limit - time.monotonic()))
        except queue.Empty:
            raise Failure(f"timed out after {deadline_s:.0f} s waiting for {prefix} from "
                          f"{sorted(set(procs) - set(got))}") from None
        if line is None:
            if role not in got:
                code = procs[role].wait(timeout=30)
                raise Failure(f"{role} child exited with code {code} before {prefix} (its error is on stderr above)")
        elif line.startswith(prefix + " "):
            got[role] = json.loads(line[len(prefix) + 1:])
        else:
            print(f"[{role}] {line}", flush=True)
    return got


def describe(role, summary, args):
    if role == "lp":
        return (f"lp resnet50 b{args.lp_batch} {args.arm}: {summary['iterations']:.2f} iter in window, "
                f"{summary['iterPerSec']:.3f} iter/s, median {summary['medianIterMs'] or 0:.1f} ms/iter")
    ms = " ".join(f"{label} " + ("n/a" if summary[key] is None else f"{summary[key]:.2f}")
                  for label, key in (("P50", "p50Ms"), ("P90", "p90Ms"), ("P99", "p99Ms"), ("max", "maxMs")))
    return (f"hp resnet18 b1 {args.arm}: {summary['count']} req ({summary['unstarted']} unstarted), "
            f"{summary['achievedRateHz']:.2f} req/s, {ms} ms")


def run_arm(args):
    """Parent: one child per role of the arm, one shared start instant, one JSON."""
    roles = {"hp-alone": ["hp"], "lp-alone": ["lp"], "both": ["hp", "lp"]}[args.arm]
    lines, procs = queue.Queue(), {}
    try:
        for role in roles:
            procs[role] = spawn_role(role, args, lines)
        ready = await_lines(procs, lines, "READY", READY_TIMEOUT_S)
        if len({(r["gpu"], r["gpuUuid"]) for r in ready.values()}) > 1:
            raise Failure(f"children see different GPUs: {[(r['gpu'], r['gpuUuid']) for r in ready.values()]}")
        start_ns = time.monotonic_ns() + START_LEAD_NS
        end_ns = start_ns + int(args.duration_s * 1e9)
        for proc in procs.values():  # stdin stays open until the child exits, as our protocol
            proc.stdin.write(f"START {start_ns} {end_ns}\n")
            proc.stdin.flush()
        run_s = START_LEAD_NS / 1e9 + args.duration_s + DRAIN_NS / 1e9 + 120
        results = await_lines(procs, lines, "RESULT", run_s)
        for role, proc in procs.items():
            if (code := proc.wait(timeout=60)) != 0:
                raise Failure(f"{role} child exited with code {code} after its result")
    finally:  # whatever failed, no child keeps the GPU
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    window_ns = end_ns - start_ns
    first = next(iter(ready.values()))
    report = {"schema": SCHEMA, "schemaVersion": 1,
              "config": {"arm": args.arm, "hpModel": "resnet18", "hpRateHz": args.hp_rate, "arrival": "uniform",
                         "lpModel": "resnet50", "lpBatch": args.lp_batch, "imageSize": IMAGE_SIZE,
                         "durationS": args.duration_s, "drainMs": DRAIN_NS // 1_000_000,
                         "warmupIterations": args.warmup, "seed": args.seed, "tf32": args.tf32},
              "environment": {k: first[k] for k in ("torch", "torchvision", "cuda", "cudnn", "gpu", "gpuUuid",
                                                    "multiprocessorCount", "mpsPipeDirectory")},
              "startNs": str(start_ns), "endNs": str(end_ns), "roles": {}}
    for role in roles:
        res = results[role]
        summary = (summarize_hp(res["requests"], res["unstartedRequests"], window_ns) if role == "hp"
                   else summarize_lp(res["iterations"], window_ns))
        report["roles"][role] = {"fingerprint": ready[role], "summary": summary, **res}
        print(describe(role, summary, args))
    tmp = f"{args.out}.tmp{os.getpid()}"  # atomic: temp file + rename
    with open(tmp, "w") as f:
        json.dump(report, f)
    os.replace(tmp, args.out)


def self_test():
    """Hand-checkable cases for the schedule, the percentile and the summaries; needs no torch."""
    hp = summarize_hp([[0, 0, 2_000_000], [5e8, 5e8, 504_000_000], [9e8, 9e8, 1_100_000_000]], 0, 1_000_000_000)
    checks = [
        ("20 Hz for 0.2 s -> 4 offsets 50 ms apart", uniform_offsets_ns(20, 200_000_000),
         [0, 50_000_000, 100_000_000, 150_000_000]),
        ("3 Hz for 1 s -> rounded thirds, no drift", uniform_offsets_ns(3, 1_000_000_000),
         [0, 333_333_333, 666_666_667]),
        ("20 Hz for 30 s -> 600 requests", len(uniform_offsets_ns(20, 30_000_000_000)), 600),
        ("1..100: P50 50, P90 90, P99 99", tuple(nearest_rank(list(range(1, 101)), p) for p in (.5, .9, .99)),
         (50, 90, 99)),
        ("P50 of [1,3,5] is 3, P99 of [7] is 7", (nearest_rank([1, 3, 5], .5), nearest_rank([7], .99)), (3, 7)),
        ("lp [0,4],[4,8],[8,12] in window 10 -> 2.5 iterations",
         summarize_lp([[0, 4], [4, 8], [8, 12]], 10)["iterations"], 2.5),
        ("hp: 2 of 3 finished in a 1 s window -> 2 req/s", hp["achievedRateHz"], 2.0),
        ("hp: 3 done, last at 1.1 s -> suite rate 3/1.1", hp["suiteAchievedRateHz"], 3 / 1.1),
        ("hp latencies 2, 4, 200 ms -> P50 4, P99 200", (hp["p50Ms"], hp["p99Ms"]), (4.0, 200.0)),
    ]
    failed = [f"FAIL {label}: expected {want!r}, got {got!r}" for label, got, want in checks if got != want]
    print("\n".join(failed + [f"self-test: {len(checks) - len(failed)}/{len(checks)} passed"]))
    return 1 if failed else 0


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arm", choices=["hp-alone", "lp-alone", "both"])
    p.add_argument("--role", choices=["hp", "lp"], help=argparse.SUPPRESS)  # internal: the children
    p.add_argument("--hp-rate", type=float, default=20.0, help="hp requests per second (default 20)")
    p.add_argument("--lp-batch", type=int, default=1024, help="ResNet-50 batch (default 1024)")
    p.add_argument("--duration-s", type=float, default=30.0, help="measurement window (default 30)")
    p.add_argument("--warmup", type=int, default=5, help="warm-up iterations per role (default 5)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--tf32", action="store_true", help="allow TF32 (PyTorch's cuDNN default); off = strict fp32")
    p.add_argument("--out", help="result JSON path (written atomically)")
    p.add_argument("--self-test", action="store_true", help="CPU-only check of schedule and percentiles")
    a = p.parse_args(argv)
    if not a.self_test and not a.role and not (a.arm and a.out):
        p.error("give --arm and --out (or --self-test)")
    if a.out and not os.path.isdir(os.path.dirname(os.path.abspath(a.out))):
        p.error(f"--out {a.out!r}: its directory does not exist; create it first")
    for name, value in (("--hp-rate", a.hp_rate), ("--duration-s", a.duration_s)):
        if not (value > 0 and math.isfinite(value)):
            p.error(f"{name} must be a finite number > 0, got {value!r}")
    if a.lp_batch < 1 or a.warmup < 1:
        p.error(f"--lp-batch and --warmup must be >= 1, got {a.lp_batch} and {a.warmup}")
    return a


def main(argv):
    args = parse_args(argv)
    if args.self_test:
        return self_test()
    # SIGTERM unwinds like Ctrl-C, so run_arm's finally still kills the children.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        (run_role if args.role else run_arm)(args)
    except (Failure, OSError, ValueError, subprocess.TimeoutExpired) as e:
        print(f"pytorch_dual_model{f'[{args.role}]' if args.role else ''}: error: {e}", file=sys.stderr, flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
