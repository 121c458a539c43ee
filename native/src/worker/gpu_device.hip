#include "worker/gpu_device.hpp"

#include <cstdlib>
#include <cstring>

#include "common/gpu_check.hpp"
#include "worker/gpu_checks.hpp"
#include "worker/gpu_identity_text.hpp"
#include "worker/stream_priority.hpp"

namespace xsp {
namespace {

GpuIdentity readGpuIdentity(int index) {
  hipDeviceProp_t prop;
  GPU_CHECK(hipGetDeviceProperties(&prop, index));
  GpuIdentity id;
  id.index = index;
  id.name = prop.name;
  id.memoryTotalBytes = static_cast<int64_t>(prop.totalGlobalMem);
  id.multiprocessorCount = prop.multiProcessorCount;
  unsigned char uuid[16];
#if defined(XSP_PLATFORM_CUDA)
  id.arch = archFromComputeCapability(prop.major, prop.minor);
  std::memcpy(uuid, prop.uuid.bytes, sizeof uuid);
#else
  id.arch = archFromGcnArchName(prop.gcnArchName);
  // ROCm 5.x has no uuid field in hipDeviceProp_t; hipDeviceGetUuid has it.
  hipDevice_t device;
  GPU_CHECK(hipDeviceGet(&device, index));
  hipUUID hipUuid;
  GPU_CHECK(hipDeviceGetUuid(&hipUuid, device));
  std::memcpy(uuid, hipUuid.bytes, sizeof uuid);
#endif
  id.uuid = formatGpuUuid(uuid);
  char busId[64] = {};
  GPU_CHECK(hipDeviceGetPCIBusId(busId, sizeof busId - 1, index));
  id.pciBusId = busId;
  return id;
}

MpsObservation observeMps(int index) {
  MpsObservation mps;
#if defined(XSP_PLATFORM_CUDA)
  const char* pipeDirectory = std::getenv("CUDA_MPS_PIPE_DIRECTORY");
  if (pipeDirectory) mps.pipeDirectory = pipeDirectory;
#if CUDART_VERSION >= 12030
  int enabled = 0;
  GPU_CHECK(cudaDeviceGetAttribute(&enabled, cudaDevAttrMpsEnabled, index));
  mps.client = enabled != 0;
  mps.source = "cudaDevAttrMpsEnabled";
#else
  (void)index;
  mps.source = "cudaDevAttrMpsEnabled needs CUDA >= 12.3; built with an older toolkit";
#endif
#else
  (void)index;
  mps.source = "not available on hip-amd";
#endif
  return mps;
}

std::string formatVersion(int version) {
#if defined(XSP_PLATFORM_CUDA)
  return cudaVersionText(version);
#else
  return hipVersionText(version);
#endif
}

}  // namespace

void selectGpu(int index) {
  int count = 0;
  hipError_t err = hipGetDeviceCount(&count);
  checkGpuCount(count, err != hipSuccess, err == hipSuccess ? "" : describeGpuError(err));
  checkGpuIndex(index, count);
  GPU_CHECK(hipSetDevice(index));
}

WorkerFingerprint describeGpu(int index, Role role, StreamPriorityKind priority) {
  WorkerFingerprint f;
  f.role = role;
  f.platform = XSP_PLATFORM_NAME;
  f.gpu = readGpuIdentity(index);
  int runtimeVersion = 0, driverVersion = 0;
  GPU_CHECK(hipRuntimeGetVersion(&runtimeVersion));
  GPU_CHECK(hipDriverGetVersion(&driverVersion));
  f.runtimeVersion = formatVersion(runtimeVersion);
  f.driverVersion = formatVersion(driverVersion);
  f.mps = observeMps(index);
  int least = 0, greatest = 0;
  GPU_CHECK(hipDeviceGetStreamPriorityRange(&least, &greatest));
  f.stream = {priority, pickStreamPriorityValue(priority, least, greatest), least, greatest};
  return f;
}

size_t queryFreeDeviceBytes() {
  size_t freeBytes = 0, totalBytes = 0;
  GPU_CHECK(hipMemGetInfo(&freeBytes, &totalBytes));
  return freeBytes;
}

}  // namespace xsp
