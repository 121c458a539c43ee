#!/usr/bin/env python3
"""Foreign GPU load for checking the suite's environment checks (docs/environment.md).

Runs a matrix-multiply loop on one GPU for `duty` of every period and sleeps the rest, like
another user's job sharing the GPU. The suite must report the arm-trials it overlaps as
INVALID (environment.foreign-gpu-process) naming this pid, never as a regression.

    python3 native/bench/foreign_load.py --duty 0.2 --seconds 600 &
"""

import argparse
import os
import sys
import time


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duty", type=float, default=0.2, help="fraction of each period spent multiplying (0 < duty <= 1)")
    parser.add_argument("--period-ms", type=float, default=100.0, help="length of one busy+idle cycle")
    parser.add_argument("--size", type=int, default=4096, help="square matrix size")
    parser.add_argument("--seconds", type=float, default=600.0, help="how long to run")
    parser.add_argument("--device", default="cuda:0", help="torch device (ROCm builds of PyTorch also use cuda:N)")
    args = parser.parse_args()
    if not 0 < args.duty <= 1:
        parser.error(f"--duty must be in (0, 1], got {args.duty!r}")
    if args.period_ms <= 0 or args.size <= 0 or args.seconds <= 0:
        parser.error(f"--period-ms, --size and --seconds must be > 0, got {args.period_ms!r}, {args.size!r}, {args.seconds!r}")
    return args


def main() -> int:
    args = parse_args()
    import torch

    device = torch.device(args.device)
    a = torch.randn(args.size, args.size, device=device)
    b = torch.randn(args.size, args.size, device=device)
    torch.cuda.synchronize(device)
    print(f"foreign_load pid {os.getpid()} on {torch.cuda.get_device_name(device)}: duty {args.duty}, period {args.period_ms} ms", flush=True)
    period_s = args.period_ms / 1000
    busy_s = period_s * args.duty
    end = time.monotonic() + args.seconds
    busy_total = 0.0
    cycles = 0
    while time.monotonic() < end:
        cycle_start = time.monotonic()
        while time.monotonic() - cycle_start < busy_s:
            torch.matmul(a, b)
            torch.cuda.synchronize(device)
        busy_total += time.monotonic() - cycle_start
        cycles += 1
        time.sleep(max(0.0, period_s - (time.monotonic() - cycle_start)))
    print(f"foreign_load pid {os.getpid()}: {cycles} cycles, measured duty {busy_total / max(1e-9, cycles * period_s):.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
