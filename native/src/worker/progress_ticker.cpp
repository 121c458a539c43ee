#include "worker/progress_ticker.hpp"

namespace xsp {

ProgressTicker::ProgressTicker(int64_t startNs, int64_t periodNs, std::function<void(const std::string&)> emitLine)
    : lastNs_(startNs), periodNs_(periodNs), emitLine_(std::move(emitLine)) {}

void ProgressTicker::onFinished(size_t finished, int64_t nowNs) {
  if (nowNs - lastNs_ < periodNs_) return;
  lastNs_ = nowNs;
  emitLine_("PROGRESS " + std::to_string(finished));
}

}  // namespace xsp
