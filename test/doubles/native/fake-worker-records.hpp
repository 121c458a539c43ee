// The worker TEST DOUBLE's records (fake-worker.cpp): hp requests and lp iterations derived, not measured.

#pragma once

#include "js-semantics.hpp"
#include "fake-worker-options.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace {

// mulberry32: a small seeded generator, so records are reproducible from --seed.
struct Mulberry32 {
  uint32_t a;
  double operator()() {
    a += 0x6d2b79f5u;
    uint32_t t = (a ^ (a >> 15)) * (1u | a);
    t = (t + (t ^ (t >> 7)) * (61u | t)) ^ t;
    return static_cast<double>(t ^ (t >> 14)) / 4294967296.0;
  }
};

struct Records {
  std::vector<std::array<double, 3>> requests;  // hp: [scheduled, started, finished]
  std::vector<std::array<double, 2>> iterations;  // lp: [start, end]
  double unstarted = 0;
};

/** Records up to `until_ns` (relative to the start instant); INFINITY: the whole window. */
Records derive_records(double until_ns) {
  Mulberry32 random{js::to_uint32(opts.seed)};
  Records records;
  double window_ns = opts.duration_ms * 1e6;
  if (opts.role == "lp") {
    double iter_ns = number_knob("FAKE_WORKER_LP_ITER_MS", 30) * 1e6;
    for (double start = 0; start < window_ns;) {
      double end = start + js::round(iter_ns * (0.95 + 0.1 * random()));
      if (end > until_ns) break;
      records.iterations.push_back({start, end});
      start = end + 5000;
    }
    return records;
  }
  double service_ns = number_knob("FAKE_WORKER_HP_LATENCY_MS", 2.4) * 1e6, free_at = 0, offset = 0;
  for (double k = 0; offset < window_ns; k++) {
    double started = std::max(offset, free_at) + 20000 + opts.inject_delay_us * 1000;
    double finished = started + js::round(service_ns * (0.9 + 0.2 * random()));
    if (started > window_ns + opts.drain_ms * 1e6) records.unstarted++;
    else if (finished <= until_ns) records.requests.push_back({offset, started, finished});
    free_at = finished;
    offset = opts.arrival == "poisson" ? offset + js::round((-js::log(1 - random()) / opts.rate_hz) * 1e9) : js::round(((k + 1) * 1e9) / opts.rate_hz);
  }
  return records;
}

}  // namespace
