// CLOCK_MONOTONIC as int64 nanoseconds: the clock every worker of a host shares,
// so the suite's START instants mean the same thing in each process.
#pragma once

#include <cstdint>
#include <functional>

namespace xsp {

int64_t monotonicNowNs();

// Sleeps until the absolute instant (clock_nanosleep, TIMER_ABSTIME: no drift
// from computing a relative delay), in slices of at most 50 ms so a stop request
// is seen within one slice. Returns false if stopRequested() ended it early.
bool sleepUntilNs(int64_t deadlineNs, const std::function<bool()>& stopRequested);

// Sleeps until spinNs before the deadline, then spins on the clock until it: the kernel
// wakes a sleeper ~0.1 ms late on a VM (measured on the H200 host: P50 107 us, P99 ~300 us),
// and that lateness would sit inside every hp latency, which is measured from the schedule.
// Never returns before the deadline unless stopped (then false).
bool waitUntilNs(int64_t deadlineNs, int64_t spinNs, const std::function<bool()>& stopRequested);

}  // namespace xsp
