#include "worker/overdue_stop.hpp"

#include <unistd.h>

#include <cstdio>

#include "worker/protocol_output.hpp"

namespace xsp {

void OverdueStopHandler::attach(std::shared_ptr<WorkerSession> session) {
  std::lock_guard<std::mutex> lock(mutex_);
  session_ = std::move(session);
}

void OverdueStopHandler::handle() {
  std::shared_ptr<WorkerSession> session;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    session = session_;
  }
  if (session && session->measuring()) {
    std::optional<ExitCode> code = session->writePartialResultIfUnclaimed();
    if (!code) return;
    std::fflush(stdout);
    ::_exit(exitStatus(*code));
  }
  WorkerError error = stopBeforeStartError(stopReason());
  printWorkerError(error.what());
  std::fflush(stdout);
  ::_exit(exitStatus(error.code()));
}

}  // namespace xsp
