// The process-wide stop request: SIGTERM, SIGINT and stdin EOF all end the run
// (docs/protocol.md: stop within one second, partial result, exit 10).
// A signal handler may only touch a lock-free atomic, hence one global.
#pragma once

#include <string>

namespace xsp {

enum class StopReason : int { None = 0, Sigterm = 1, Sigint = 2, StdinClosed = 3 };

// Installs SIGTERM/SIGINT handlers that request a stop, and asks the kernel to
// send SIGTERM when the parent dies (PR_SET_PDEATHSIG) so no GPU process
// outlives the suite. A parent that died before that call sends nothing, so it
// then throws WorkerError(Stopped) when the parent is already gone (see
// describeParentChange). Throws std::runtime_error naming a failed call.
void installStopHandlers();

// Why the worker's parent is not the one that started it, or "" when it is.
// expectedParentPid is XSP_PARENT_PID (the suite sets it, docs/protocol.md); without
// it, a parent of pid 1 (init adopted the orphan) is the only sign there is.
std::string describeParentChange(const char* expectedParentPid, long actualParentPid);

// The first reason wins; later requests are ignored. Async-signal-safe.
void requestStop(StopReason reason);
StopReason stopReason();
inline bool stopRequested() { return stopReason() != StopReason::None; }

// "SIGTERM received", "SIGINT received", "stdin closed", "no stop requested".
const char* describeStopReason(StopReason reason);

}  // namespace xsp
