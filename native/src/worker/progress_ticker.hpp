// PROGRESS lines while measuring: at most one per period (5 s in the worker),
// counting finished hp requests or lp iterations, with optional key=value fields
// after the count, e.g. the hp worker's running P99 (docs/protocol.md, step 4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace xsp {

constexpr int64_t kProgressPeriodNs = 5'000'000'000;

class ProgressTicker {
 public:
  // extraFields (optional) is called only when a line is due, so its cost (a copy
  // and a selection over the latencies so far) is paid at most once per period.
  ProgressTicker(int64_t startNs, int64_t periodNs, std::function<void(const std::string&)> emitLine,
                 std::function<std::string()> extraFields = {});

  // Emits "PROGRESS <finished>[ <fields>]" if a period has passed since the start or the last line.
  void onFinished(size_t finished, int64_t nowNs);

 private:
  int64_t lastNs_;
  int64_t periodNs_;
  std::function<void(const std::string&)> emitLine_;
  std::function<std::string()> extraFields_;
};

// "p99Us=<n>": the nearest-rank P99 (as perf/lib/evaluate/stats/percentile.ts) of the
// latencies so far, in whole microseconds; "" when there are none.
std::string hpProgressFields(std::vector<int64_t> latenciesNs);

}  // namespace xsp
