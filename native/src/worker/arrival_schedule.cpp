#include "worker/arrival_schedule.hpp"

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace xsp {
namespace {

std::vector<int64_t> generateUniform(double rateHz, int64_t durationNs) {
  std::vector<int64_t> offsets;
  double periodNs = 1e9 / rateHz;
  offsets.reserve(static_cast<size_t>(std::ceil(static_cast<double>(durationNs) / periodNs)));
  // Multiply, never accumulate: offset i carries no summed rounding error.
  for (int64_t i = 0;; ++i) {
    auto offset = static_cast<int64_t>(std::llround(static_cast<double>(i) * periodNs));
    if (offset >= durationNs) break;
    offsets.push_back(offset);
  }
  return offsets;
}

// Uniform in [0, 1) from the top 53 bits: exactly representable doubles.
double drawUnit(std::mt19937_64& engine) { return static_cast<double>(engine() >> 11) * 0x1.0p-53; }

std::vector<int64_t> generatePoisson(double rateHz, int64_t durationNs, uint64_t seed) {
  std::vector<int64_t> offsets;
  std::mt19937_64 engine(seed);
  double meanGapNs = 1e9 / rateHz;
  double timeNs = 0;
  for (;;) {
    timeNs += -std::log1p(-drawUnit(engine)) * meanGapNs;
    auto offset = static_cast<int64_t>(std::llround(timeNs));
    if (offset >= durationNs) break;
    offsets.push_back(offset);
  }
  return offsets;
}

}  // namespace

std::vector<int64_t> generateArrivalOffsetsNs(Arrival arrival, double rateHz, int64_t durationNs, uint64_t seed) {
  if (!(rateHz > 0) || !std::isfinite(rateHz)) {
    throw std::invalid_argument("arrival schedule: rateHz must be finite and > 0, got " + std::to_string(rateHz));
  }
  if (durationNs <= 0) {
    throw std::invalid_argument("arrival schedule: durationNs must be > 0, got " + std::to_string(durationNs));
  }
  return arrival == Arrival::Uniform ? generateUniform(rateHz, durationNs) : generatePoisson(rateHz, durationNs, seed);
}

}  // namespace xsp
