// Parsers for single option values. Each throws WorkerError(BadCommandLine)
// with a message that quotes the flag and the value and says what is expected.
#pragma once

#include <cstdint>
#include <string>

#include "worker/worker_options.hpp"

namespace xsp {

// Integers above 2^53 - 1 are not exact as JSON/JS numbers.
constexpr int64_t kMaxExactJsonInteger = 9'007'199'254'740'991;

// A decimal integer in [min, max]: digits only, no sign, spaces or suffix.
int64_t parseIntegerValue(const std::string& flag, const std::string& text, int64_t min, int64_t max);
// A finite rate in (0, 100000] Hz.
double parseRateValue(const std::string& text);
Role parseRoleValue(const std::string& text);
ModelKind parseModelValue(const std::string& text);
Arrival parseArrivalValue(const std::string& text);
StreamPriorityKind parseStreamPriorityValue(const std::string& text);
std::string parseResultPathValue(const std::string& text);

// Shortest text that reads back as the same double, in plain digits between
// 1e-6 and 1e15 ("10", "0.5", "20000000"), in exponent form outside.
std::string formatShortest(double value);

}  // namespace xsp
