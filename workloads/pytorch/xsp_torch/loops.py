"""The measurement loops of docs/protocol.md ("Sequence", step 4), as the native worker runs them
(native/src/worker/hp_open_loop.cpp, lp_back_to_back.cpp): hp open loop from the scheduled
instants, latency counted from the scheduled arrival; lp back to back from the start instant."""

import math
import time

# Covers the host's wake-up lateness with room, as the native worker's kHpSpinNs.
SPIN_NS = 500_000
# A sleeping loop wakes this often to see a stop (the protocol asks for one second).
MAX_SLEEP_S = 0.05
PROGRESS_INTERVAL_NS = 5_000_000_000


class Progress:
    """PROGRESS <count>[ <fields>] at most once per interval; fields() (optional) is asked only
    when a line is due, as native/src/worker/progress_ticker.cpp."""

    def __init__(self, emit, fields=None):
        self._emit = emit
        self._fields = fields
        self._last_ns = None

    def finished(self, count, now_ns):
        if self._last_ns is None or now_ns - self._last_ns >= PROGRESS_INTERVAL_NS:
            self._last_ns = now_ns
            extra = self._fields() if self._fields else ""
            self._emit(f"PROGRESS {count}" + (f" {extra}" if extra else ""))


def hp_progress_fields(requests):
    """"p99Us=<n>": nearest-rank P99 of finished - scheduled over the requests so far, in whole
    microseconds (as perf/lib/evaluate/stats/percentile.ts); "" when there are none."""
    if not requests:
        return ""
    latencies = sorted(finished - scheduled for scheduled, _started, finished in requests)
    rank = max(1, math.ceil(0.99 * len(latencies) - 1e-9))
    return f"p99Us={latencies[rank - 1] // 1000}"


def wait_until_ns(target_ns, stop, spin_ns=SPIN_NS):
    """Sleeps, then spins the last spin_ns; False when a stop came first."""
    while True:
        if stop.requested:
            return False
        remaining = target_ns - time.monotonic_ns()
        if remaining <= 0:
            return True
        if remaining > spin_ns:
            stop.wait(min(MAX_SLEEP_S, (remaining - spin_ns) / 1e9))


def run_hp(offsets_ns, start_ns, end_ns, drain_ns, inject_delay_ns, forward, stop, progress, log):
    """Fills log["requests"] and log["unstartedRequests"]; returns False when stopped."""
    due = [o for o in offsets_ns if start_ns + o < end_ns]
    for i, offset in enumerate(due):
        if not wait_until_ns(start_ns + offset, stop):
            return False
        if time.monotonic_ns() > end_ns + drain_ns:
            log["unstartedRequests"] = len(due) - i
            return True
        if inject_delay_ns > 0 and not wait_until_ns(time.monotonic_ns() + inject_delay_ns, stop, spin_ns=0):
            return False
        started = time.monotonic_ns()
        forward()
        finished = time.monotonic_ns()
        log["requests"].append([offset, started - start_ns, finished - start_ns])
        progress.finished(i + 1, finished)
    return True


def run_lp(start_ns, end_ns, forward, stop, progress, log):
    """Fills log["iterations"]; returns False when stopped."""
    if not wait_until_ns(start_ns, stop, spin_ns=0):
        return False
    while True:
        if stop.requested:
            return False
        started = time.monotonic_ns()
        if started >= end_ns:
            return True
        forward()
        ended = time.monotonic_ns()
        log["iterations"].append([started - start_ns, ended - start_ns])
        progress.finished(len(log["iterations"]), ended)
