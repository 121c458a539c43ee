// What the stop watchdog does when the main thread has not honoured a stop in
// time (it is blocked in a GPU call): write the partial result if measuring,
// else print why, then end the process at once with the protocol's exit code.
#pragma once

#include <memory>
#include <mutex>

#include "worker/worker_session.hpp"

namespace xsp {

class OverdueStopHandler {
 public:
  // The session whose partial result to write, once it exists. The handler keeps
  // it alive, so the watchdog never sees a destroyed session.
  void attach(std::shared_ptr<WorkerSession> session);

  // Ends the process with _exit, unless the main thread is already writing the
  // result (then it returns and the main thread finishes).
  void handle();

 private:
  std::mutex mutex_;
  std::shared_ptr<WorkerSession> session_;
};

}  // namespace xsp
