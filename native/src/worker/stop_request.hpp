// The process-wide stop request: SIGTERM, SIGINT and stdin EOF all end the run
// (docs/protocol.md: stop within one second, partial result, exit 10).
// A signal handler may only touch a lock-free atomic, hence one global.
#pragma once

namespace xsp {

enum class StopReason : int { None = 0, Sigterm = 1, Sigint = 2, StdinClosed = 3 };

// Installs SIGTERM/SIGINT handlers that request a stop, and asks the kernel to
// send SIGTERM when the parent dies (PR_SET_PDEATHSIG) so no GPU process
// outlives the suite. Throws std::runtime_error naming the call on failure.
void installStopHandlers();

// The first reason wins; later requests are ignored. Async-signal-safe.
void requestStop(StopReason reason);
StopReason stopReason();
inline bool stopRequested() { return stopReason() != StopReason::None; }

// "SIGTERM received", "SIGINT received", "stdin closed", "no stop requested".
const char* describeStopReason(StopReason reason);

}  // namespace xsp
