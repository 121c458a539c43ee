#include "worker/stop_request.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <cstdlib>
#include <string>

#include "worker/exit_codes.hpp"

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
  const std::string changed = describeParentChange(std::getenv("XSP_PARENT_PID"), static_cast<long>(getppid()));
  if (!changed.empty()) throw WorkerError(ExitCode::Stopped, changed);
}

std::string describeParentChange(const char* expectedParentPid, long actualParentPid) {
  if (expectedParentPid == nullptr || *expectedParentPid == '\0') {
    if (actualParentPid != 1) return "";
    return "the parent process is gone (the worker was adopted by pid 1) before the worker started";
  }
  char* end = nullptr;
  const long expected = std::strtol(expectedParentPid, &end, 10);
  if (*end != '\0' || expected <= 0) return "";  // not a pid: nothing to compare with
  if (expected == actualParentPid) return "";
  return "the parent process (XSP_PARENT_PID=" + std::string(expectedParentPid) + ") is gone before the worker started; its parent is now pid " +
         std::to_string(actualParentPid);
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
