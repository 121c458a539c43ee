// Compute-unit masks for an AMD stream (hipExtStreamCreateWithCUMask): one bit per CU,
// 32 CUs per word, word 0 holding CUs 0-31. Host-only so the CPU tests cover them;
// docs/arms.md says what the lp reference arm uses them for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace xsp {

// The fingerprint's cuMask (docs/protocol.md): the mask asked for and the one the runtime
// reports for the stream (hipExtStreamGetCUMask), the proof the suite checks (docs/arms.md).
struct CuMaskObservation {
  int requestedPercent = 0;
  int cuCount = 0;
  std::string maskHex;
  std::string readBackHex;
};

// The first ceil(cuCount * percent / 100) CUs (at least one). Throws std::invalid_argument
// quoting the value for a percent outside 1..100 or a cuCount below 1.
std::vector<uint32_t> cuMaskForPercent(int percent, int cuCount);

// Why `mask` does not fit a GPU with `cuCount` CUs ("" when it does): wrong word count,
// bits past the last CU, or no CU at all.
std::string cuMaskProblem(const std::vector<uint32_t>& mask, int cuCount);

int cuMaskCount(const std::vector<uint32_t>& mask);

// "0x000000ff,0xffffffff": words as hex, word 0 first.
std::string cuMaskText(const std::vector<uint32_t>& mask);

}  // namespace xsp
