#include "worker/progress_ticker.hpp"

#include <algorithm>
#include <cmath>

namespace xsp {

ProgressTicker::ProgressTicker(int64_t startNs, int64_t periodNs, std::function<void(const std::string&)> emitLine,
                               std::function<std::string()> extraFields)
    : lastNs_(startNs), periodNs_(periodNs), emitLine_(std::move(emitLine)), extraFields_(std::move(extraFields)) {}

void ProgressTicker::onFinished(size_t finished, int64_t nowNs) {
  if (nowNs - lastNs_ < periodNs_) return;
  lastNs_ = nowNs;
  std::string fields = extraFields_ ? extraFields_() : std::string();
  emitLine_("PROGRESS " + std::to_string(finished) + (fields.empty() ? "" : " " + fields));
}

std::string hpProgressFields(std::vector<int64_t> latenciesNs) {
  if (latenciesNs.empty()) return "";
  // Nearest rank: the smallest sample with at least 99% of all samples at or below it.
  auto rank = static_cast<size_t>(std::ceil(0.99 * static_cast<double>(latenciesNs.size()) - 1e-9));
  auto nth = latenciesNs.begin() + static_cast<std::ptrdiff_t>(std::max<size_t>(rank, 1) - 1);
  std::nth_element(latenciesNs.begin(), nth, latenciesNs.end());
  return "p99Us=" + std::to_string(*nth / 1000);
}

}  // namespace xsp
