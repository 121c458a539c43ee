// The records of one measurement, shared between the measuring thread and the
// stop watchdog (which may have to write a partial result while the measuring
// thread is blocked in a GPU call). Appends take a short uncontended lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "worker/worker_result.hpp"

namespace xsp {

struct MeasurementSnapshot {
  std::vector<HpRequestTimes> requests;
  std::vector<LpIterationTimes> iterations;
  int64_t unstartedRequests = 0;
};

class MeasurementLog {
 public:
  explicit MeasurementLog(size_t expectedRecords = 0);

  void addRequest(const HpRequestTimes& request);
  void addIteration(const LpIterationTimes& iteration);
  void setUnstartedRequests(int64_t count);

  // Requests plus iterations recorded so far.
  size_t recordCount() const;
  MeasurementSnapshot snapshot() const;
  // finished - scheduled of each hp request so far (for the PROGRESS P99).
  std::vector<int64_t> hpLatenciesNs() const;

 private:
  mutable std::mutex mutex_;
  MeasurementSnapshot records_;
};

}  // namespace xsp
