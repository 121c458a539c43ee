#include "worker/stop_request.hpp"

#include <signal.h>
#include <sys/prctl.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace xsp {
namespace {

std::atomic<int> gStopReason{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free atomic");

void onStopSignal(int signo) { requestStop(signo == SIGINT ? StopReason::Sigint : StopReason::Sigterm); }

void failCall(const char* call) { throw std::runtime_error(std::string(call) + " failed: " + std::strerror(errno)); }

}  // namespace

void installStopHandlers() {
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  if (sigaction(SIGTERM, &action, nullptr) != 0) failCall("sigaction(SIGTERM)");
  if (sigaction(SIGINT, &action, nullptr) != 0) failCall("sigaction(SIGINT)");
  if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0) failCall("prctl(PR_SET_PDEATHSIG, SIGTERM)");
}

void requestStop(StopReason reason) {
  int expected = 0;
  gStopReason.compare_exchange_strong(expected, static_cast<int>(reason));
}

StopReason stopReason() { return static_cast<StopReason>(gStopReason.load()); }

const char* describeStopReason(StopReason reason) {
  switch (reason) {
    case StopReason::None: return "no stop requested";
    case StopReason::Sigterm: return "SIGTERM received";
    case StopReason::Sigint: return "SIGINT received";
    case StopReason::StdinClosed: return "stdin closed";
  }
  return "unknown stop reason";
}

}  // namespace xsp
