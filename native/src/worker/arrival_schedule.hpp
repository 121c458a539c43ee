// The hp arrival schedule, fixed before timing starts (open loop): offsets in
// nanoseconds from the start instant, ascending, all below the duration.
#pragma once

#include <cstdint>
#include <vector>

#include "worker/worker_options.hpp"

namespace xsp {

// uniform: offset i is round(i * 1e9 / rateHz), starting at 0.
// poisson: cumulative exponential gaps of mean 1e9 / rateHz ns, drawn from
// mt19937_64(seed) by inversion, so one seed gives the same schedule with any
// standard library (std::exponential_distribution is implementation-defined).
std::vector<int64_t> generateArrivalOffsetsNs(Arrival arrival, double rateHz, int64_t durationNs, uint64_t seed);

}  // namespace xsp
