// Parses and validates the worker's command line (docs/protocol.md, "Invocation").
// Every bad input throws WorkerError(BadCommandLine) whose message quotes the
// value received and says what is expected.
#pragma once

#include <string>
#include <vector>

#include "worker/worker_options.hpp"

namespace xsp {

// args excludes the program name.
CommandLine parseCommandLine(const std::vector<std::string>& args);

// The --help text.
std::string workerUsageText();

// Most hp requests a schedule may hold (rate x duration), so a typo cannot ask
// for gigabytes of schedule.
constexpr long long kMaxScheduledRequests = 10'000'000;

}  // namespace xsp
