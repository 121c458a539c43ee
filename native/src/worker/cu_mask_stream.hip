#include "worker/cu_mask_stream.hpp"

#include <stdexcept>
#include <string>

#include "common/gpu_check.hpp"
#include "worker/cu_mask.hpp"
#include "worker/exit_codes.hpp"

namespace xsp {

void requireCuMaskRuntime(int percent) {
#if defined(XSP_PLATFORM_CUDA)
  throw WorkerError(ExitCode::BadCommandLine, "--cu-mask-percent " + std::to_string(percent) +
                                                  " needs the AMD HIP runtime (hipExtStreamCreateWithCUMask); this worker is built for " XSP_PLATFORM_NAME);
#else
  (void)percent;
#endif
}

CuMaskedStream createCuMaskedStream(const std::vector<uint32_t>& mask, int cuCount) {
  const std::string problem = cuMaskProblem(mask, cuCount);
  if (!problem.empty()) throw std::invalid_argument("CU mask refused: " + problem);
#if defined(XSP_PLATFORM_CUDA)
  throw std::invalid_argument("CU masks need the AMD HIP runtime; this worker is built for " XSP_PLATFORM_NAME);
#else
  CuMaskedStream made;
  const auto words = static_cast<uint32_t>(mask.size());
  GPU_CHECK(hipExtStreamCreateWithCUMask(&made.stream, words, mask.data()));
  made.readBack.assign(mask.size(), 0u);
  GPU_CHECK(hipExtStreamGetCUMask(made.stream, words, made.readBack.data()));
  return made;
#endif
}

CuMaskedStream createCuMaskedStreamForPercent(int percent, int cuCount, CuMaskObservation& observed) {
  try {
    const std::vector<uint32_t> mask = cuMaskForPercent(percent, cuCount);
    CuMaskedStream made = createCuMaskedStream(mask, cuCount);
    observed = {percent, cuCount, cuMaskText(mask), cuMaskText(made.readBack)};
    return made;
  } catch (const std::invalid_argument& e) {
    throw WorkerError(ExitCode::GpuRuntimeError, "--cu-mask-percent " + std::to_string(percent) + " on a GPU reporting " +
                                                     std::to_string(cuCount) + " CUs: " + e.what());
  }
}

}  // namespace xsp
