#include "worker/gpu_identity_text.hpp"

#include <cctype>
#include <cstdio>

namespace xsp {

std::string formatGpuUuid(const unsigned char (&bytes)[16]) {
  bool asciiHex = true;
  for (unsigned char b : bytes) asciiHex = asciiHex && std::isxdigit(b);
  if (asciiHex) return "GPU-" + std::string(reinterpret_cast<const char*>(bytes), 16);
  std::string text = "GPU-";
  char hex[3];
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    std::snprintf(hex, sizeof hex, "%02x", bytes[i]);
    text += hex;
  }
  return text;
}

std::string archFromGcnArchName(const std::string& gcnArchName) {
  return gcnArchName.substr(0, gcnArchName.find(':'));
}

std::string archFromComputeCapability(int major, int minor) {
  return "sm_" + std::to_string(major) + std::to_string(minor);
}

std::string cudaVersionText(int version) {
  return std::to_string(version / 1000) + "." + std::to_string(version % 1000 / 10);
}

std::string hipVersionText(int version) {
  return std::to_string(version / 10000000) + "." + std::to_string(version / 100000 % 100);
}

}  // namespace xsp
