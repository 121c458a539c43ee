#include "worker/measurement_log.hpp"

namespace xsp {

MeasurementLog::MeasurementLog(size_t expectedRecords) {
  records_.requests.reserve(expectedRecords);
  records_.iterations.reserve(expectedRecords);
}

void MeasurementLog::addRequest(const HpRequestTimes& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  records_.requests.push_back(request);
}

void MeasurementLog::addIteration(const LpIterationTimes& iteration) {
  std::lock_guard<std::mutex> lock(mutex_);
  records_.iterations.push_back(iteration);
}

void MeasurementLog::setUnstartedRequests(int64_t count) {
  std::lock_guard<std::mutex> lock(mutex_);
  records_.unstartedRequests = count;
}

size_t MeasurementLog::recordCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return records_.requests.size() + records_.iterations.size();
}

MeasurementSnapshot MeasurementLog::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return records_;
}

std::vector<int64_t> MeasurementLog::hpLatenciesNs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<int64_t> latencies;
  latencies.reserve(records_.requests.size());
  for (const HpRequestTimes& request : records_.requests) latencies.push_back(request.finishedNs - request.scheduledNs);
  return latencies;
}

}  // namespace xsp
