// The priority value of the worker's stream. Lower numbers are higher
// priorities on both runtimes; the range comes from hipDeviceGetStreamPriorityRange.
#pragma once

#include "worker/worker_options.hpp"

namespace xsp {

// default -> leastPriority (what a plain stream gets), high -> greatestPriority,
// low -> leastPriority.
int pickStreamPriorityValue(StreamPriorityKind kind, int leastPriority, int greatestPriority);

}  // namespace xsp
