#include "worker/cu_mask.hpp"

#include <bitset>
#include <cstdio>
#include <stdexcept>

namespace xsp {

namespace {
size_t wordsFor(int cuCount) { return static_cast<size_t>((cuCount + 31) / 32); }
}  // namespace

std::vector<uint32_t> cuMaskForPercent(int percent, int cuCount) {
  if (percent < 1 || percent > 100) throw std::invalid_argument("CU percent must be 1..100, got " + std::to_string(percent));
  if (cuCount < 1) throw std::invalid_argument("CU count must be >= 1, got " + std::to_string(cuCount));
  const int enabled = std::max(1, (cuCount * percent + 99) / 100);
  std::vector<uint32_t> mask(wordsFor(cuCount), 0u);
  for (int cu = 0; cu < enabled; ++cu) mask[static_cast<size_t>(cu / 32)] |= 1u << (cu % 32);
  return mask;
}

std::string cuMaskProblem(const std::vector<uint32_t>& mask, int cuCount) {
  if (cuCount < 1) return "the GPU reports " + std::to_string(cuCount) + " CUs";
  if (mask.size() != wordsFor(cuCount)) {
    return "mask " + cuMaskText(mask) + " has " + std::to_string(mask.size()) + " words; " + std::to_string(cuCount) + " CUs need " + std::to_string(wordsFor(cuCount));
  }
  const int spare = static_cast<int>(mask.size()) * 32 - cuCount;
  if (spare > 0 && (mask.back() >> (32 - spare)) != 0u) {
    return "mask " + cuMaskText(mask) + " enables CUs past the last of " + std::to_string(cuCount);
  }
  if (cuMaskCount(mask) == 0) return "mask " + cuMaskText(mask) + " enables no CU";
  return "";
}

int cuMaskCount(const std::vector<uint32_t>& mask) {
  int count = 0;
  for (uint32_t word : mask) count += static_cast<int>(std::bitset<32>(word).count());
  return count;
}

std::string cuMaskText(const std::vector<uint32_t>& mask) {
  std::string text;
  for (size_t i = 0; i < mask.size(); ++i) {
    char word[16];
    std::snprintf(word, sizeof word, "0x%08x", mask[i]);
    text += (i == 0 ? "" : ",") + std::string(word);
  }
  return text;
}

}  // namespace xsp
