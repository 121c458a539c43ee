// The worker's stdout protocol lines (READY, PROGRESS, DONE) and its one-line
// errors on stderr (docs/protocol.md). Lines from different threads never mix.
#pragma once

#include <string>

namespace xsp {

// Makes stdout line-buffered; each line is flushed as it is printed anyway.
void configureProtocolStdout();

// Prints line + '\n' on stdout and flushes.
void printProtocolLine(const std::string& line);

// "xsched-perf-worker: error: <reason>" on stderr, flushed.
void printWorkerError(const std::string& reason);

}  // namespace xsp
