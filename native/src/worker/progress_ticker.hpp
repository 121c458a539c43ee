// PROGRESS lines while measuring: at most one per period (5 s in the worker),
// counting finished hp requests or lp iterations (docs/protocol.md, step 4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace xsp {

constexpr int64_t kProgressPeriodNs = 5'000'000'000;

class ProgressTicker {
 public:
  ProgressTicker(int64_t startNs, int64_t periodNs, std::function<void(const std::string&)> emitLine);

  // Emits "PROGRESS <finished>" if a period has passed since the start or the last line.
  void onFinished(size_t finished, int64_t nowNs);

 private:
  int64_t lastNs_;
  int64_t periodNs_;
  std::function<void(const std::string&)> emitLine_;
};

}  // namespace xsp
