// Exit codes of the worker (docs/protocol.md, "Exit codes"), and the error that
// carries one: every failure ends as one stderr line and one of these codes.
#pragma once

#include <stdexcept>
#include <string>

namespace xsp {

enum class ExitCode : int {
  Ok = 0,
  InternalError = 1,  // an unexpected exception: a bug, never a verdict about the GPU
  BadCommandLine = 2,
  NoGpu = 3,
  GpuIndexOutOfRange = 4,
  NotEnoughMemory = 5,
  ProtocolError = 6,
  GpuRuntimeError = 7,
  ResultWriteFailed = 8,
  Stopped = 10,
};

inline int exitStatus(ExitCode code) { return static_cast<int>(code); }

class WorkerError : public std::runtime_error {
 public:
  WorkerError(ExitCode code, const std::string& reason) : std::runtime_error(reason), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace xsp
