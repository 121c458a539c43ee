// The suite's START line (docs/protocol.md, step 3): "START <startNs> <endNs>",
// absolute CLOCK_MONOTONIC nanoseconds in decimal.
#pragma once

#include <cstdint>
#include <string>

namespace xsp {

struct StartInstants {
  int64_t startNs;
  int64_t endNs;
};

// Throws WorkerError(ProtocolError) quoting the line when it is malformed or
// when endNs is not after startNs. A trailing '\r' is ignored.
StartInstants parseStartLine(const std::string& line);

// Throws WorkerError(ProtocolError) when the start instant has already passed.
void checkStartNotPassed(const StartInstants& start, int64_t nowNs);

}  // namespace xsp
