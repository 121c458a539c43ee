// Event timing for the benchmarks: every repetition is bracketed by two events
// on the measured stream (GPU time, launch gaps included), after warm-up.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "../src/common/gpu_check.hpp"

namespace xsp::bench {

struct TimingSummary {
  double medianMs = 0, minMs = 0, maxMs = 0, p10Ms = 0, p90Ms = 0;
  int reps = 0;
};

inline double pickQuantile(const std::vector<double>& sorted, double q) {
  const double pos = q * (sorted.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos)), hi = static_cast<size_t>(std::ceil(pos));
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

inline TimingSummary summarizeTimings(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  TimingSummary s;
  s.reps = static_cast<int>(ms.size());
  if (ms.empty()) return s;
  s.medianMs = pickQuantile(ms, 0.5);
  s.minMs = ms.front();
  s.maxMs = ms.back();
  s.p10Ms = pickQuantile(ms, 0.1);
  s.p90Ms = pickQuantile(ms, 0.9);
  return s;
}

// Runs `enqueue` warmup times, then reps times between two events each;
// returns the per-repetition milliseconds.
template <class Enqueue>
std::vector<double> timeWithEvents(hipStream_t stream, int warmup, int reps, Enqueue enqueue) {
  for (int i = 0; i < warmup; ++i) enqueue();
  GPU_CHECK(hipStreamSynchronize(stream));
  hipEvent_t start, stop;
  GPU_CHECK(hipEventCreate(&start));
  GPU_CHECK(hipEventCreate(&stop));
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    GPU_CHECK(hipEventRecord(start, stream));
    enqueue();
    GPU_CHECK(hipEventRecord(stop, stream));
    GPU_CHECK(hipEventSynchronize(stop));
    float elapsed = 0;
    GPU_CHECK(hipEventElapsedTime(&elapsed, start, stop));
    ms.push_back(elapsed);
  }
  GPU_CHECK(hipEventDestroy(start));
  GPU_CHECK(hipEventDestroy(stop));
  return ms;
}

inline hipStream_t createBenchStream() {
  hipStream_t s;
  GPU_CHECK(hipStreamCreateWithPriority(&s, hipStreamNonBlocking, 0));
  return s;
}

}  // namespace xsp::bench
