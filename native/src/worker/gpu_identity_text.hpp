// Text forms of what the GPU runtime reports, kept host-side so they are tested
// on CPU: the fingerprint carries these strings (docs/protocol.md).
#pragma once

#include <string>

namespace xsp {

// 16 UUID bytes -> "GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (nvidia-smi's form).
// ROCm's hipDeviceGetUuid fills the bytes with the 16 ASCII hex digits of the
// GPU's unique id; those come back as "GPU-" + the digits (rocm-smi's form).
std::string formatGpuUuid(const unsigned char (&bytes)[16]);

// "gfx90a:sramecc+:xnack-" -> "gfx90a".
std::string archFromGcnArchName(const std::string& gcnArchName);
// 9, 0 -> "sm_90".
std::string archFromComputeCapability(int major, int minor);

// CUDA's encoding: 1000 * major + 10 * minor (13000 -> "13.0", 12080 -> "12.8").
std::string cudaVersionText(int version);
// HIP's encoding: 10000000 * major + 100000 * minor + patch (50221153 -> "5.2").
std::string hipVersionText(int version);

}  // namespace xsp
