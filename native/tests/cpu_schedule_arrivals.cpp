// The hp arrival schedule: uniform offsets are exact multiples of the period;
// Poisson offsets are seeded, reproducible and have the asked-for mean rate.
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "testing.hpp"
#include "worker/arrival_schedule.hpp"

using namespace xsp;

namespace {

constexpr int64_t kSecondNs = 1'000'000'000;

bool ascendingWithin(const std::vector<int64_t>& offsets, int64_t durationNs) {
  for (size_t i = 0; i < offsets.size(); ++i) {
    if (offsets[i] < 0 || offsets[i] >= durationNs) return false;
    if (i > 0 && offsets[i] < offsets[i - 1]) return false;
  }
  return true;
}

bool throwsInvalid(Arrival arrival, double rateHz, int64_t durationNs) {
  try {
    generateArrivalOffsetsNs(arrival, rateHz, durationNs, 1);
  } catch (const std::invalid_argument&) {
    return true;
  }
  return false;
}

}  // namespace

TEST_CASE("uniform at 10 Hz over 1 s is 0, 100 ms, ..., 900 ms exactly") {
  std::vector<int64_t> offsets = generateArrivalOffsetsNs(Arrival::Uniform, 10, kSecondNs, 1);
  EXPECT_EQ(offsets.size(), 10u);  // 1000 ms itself is not < the duration
  for (size_t i = 0; i < offsets.size(); ++i) EXPECT_EQ(offsets[i], static_cast<int64_t>(i) * 100'000'000);
}

TEST_CASE("uniform at 3 Hz rounds each offset on its own, never accumulating") {
  std::vector<int64_t> offsets = generateArrivalOffsetsNs(Arrival::Uniform, 3, kSecondNs, 1);
  EXPECT_EQ(offsets.size(), 3u);
  EXPECT_EQ(offsets[0], 0);
  EXPECT_EQ(offsets[1], 333'333'333);  // 1e9 / 3
  EXPECT_EQ(offsets[2], 666'666'667);  // 2e9 / 3 = 666666666.67, rounded
  // 20 Hz over 180 s (the intensive scenario): the last is 179.95 s exactly.
  std::vector<int64_t> intensive = generateArrivalOffsetsNs(Arrival::Uniform, 20, 180 * kSecondNs, 1);
  EXPECT_EQ(intensive.size(), 3600u);
  EXPECT_EQ(intensive.back(), 179'950'000'000);
}

TEST_CASE("uniform ignores the seed") {
  EXPECT_TRUE(generateArrivalOffsetsNs(Arrival::Uniform, 7, kSecondNs, 1) ==
              generateArrivalOffsetsNs(Arrival::Uniform, 7, kSecondNs, 99));
}

TEST_CASE("poisson is reproducible for a seed and differs between seeds") {
  auto a = generateArrivalOffsetsNs(Arrival::Poisson, 20, 60 * kSecondNs, 7);
  auto b = generateArrivalOffsetsNs(Arrival::Poisson, 20, 60 * kSecondNs, 7);
  auto c = generateArrivalOffsetsNs(Arrival::Poisson, 20, 60 * kSecondNs, 8);
  EXPECT_TRUE(a == b);
  EXPECT_TRUE(a != c);
  EXPECT_TRUE(ascendingWithin(a, 60 * kSecondNs));
  EXPECT_TRUE(ascendingWithin(c, 60 * kSecondNs));
}

TEST_CASE("poisson at 1000 Hz over 100 s has the asked-for mean rate and exponential gaps") {
  // Expected count 100000 with standard deviation sqrt(100000) = 316: allow 5 sigma.
  const int64_t durationNs = 100 * kSecondNs;
  for (uint64_t seed : {1u, 2u, 3u}) {
    auto offsets = generateArrivalOffsetsNs(Arrival::Poisson, 1000, durationNs, seed);
    EXPECT_TRUE(ascendingWithin(offsets, durationNs));
    EXPECT_NEAR(static_cast<double>(offsets.size()), 100000.0, 5 * 316.0);
    // Gaps: mean 1 ms; an exponential's standard deviation equals its mean (CV 1).
    double sum = 0, sumSquares = 0;
    for (size_t i = 1; i < offsets.size(); ++i) {
      double gap = static_cast<double>(offsets[i] - offsets[i - 1]);
      sum += gap;
      sumSquares += gap * gap;
    }
    double n = static_cast<double>(offsets.size() - 1);
    double mean = sum / n;
    double cv = std::sqrt(sumSquares / n - mean * mean) / mean;
    EXPECT_NEAR(mean, 1e6, 0.02 * 1e6);  // standard error 0.3% of the mean
    EXPECT_NEAR(cv, 1.0, 0.05);
  }
}

TEST_CASE("every offset is below the duration, also for rates below one per duration") {
  auto sparse = generateArrivalOffsetsNs(Arrival::Poisson, 0.5, 10 * kSecondNs, 3);
  EXPECT_TRUE(ascendingWithin(sparse, 10 * kSecondNs));
  auto none = generateArrivalOffsetsNs(Arrival::Uniform, 0.5, kSecondNs, 1);
  EXPECT_EQ(none.size(), 1u);  // only offset 0; the next would be at 2 s
}

TEST_CASE("a rate or duration that is not positive is refused") {
  EXPECT_TRUE(throwsInvalid(Arrival::Uniform, 0, kSecondNs));
  EXPECT_TRUE(throwsInvalid(Arrival::Poisson, -1, kSecondNs));
  EXPECT_TRUE(throwsInvalid(Arrival::Poisson, NAN, kSecondNs));
  EXPECT_TRUE(throwsInvalid(Arrival::Uniform, 10, 0));
}

XSP_TEST_MAIN()
