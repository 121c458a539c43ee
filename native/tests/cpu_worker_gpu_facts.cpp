// GPU facts as text (UUID, arch, versions), the stream priority choice, and the
// exit codes and messages of the GPU checks (3, 4, 5), all without a GPU.
#include <string>

#include "testing.hpp"
#include "worker/exit_codes.hpp"
#include "worker/gpu_checks.hpp"
#include "worker/gpu_identity_text.hpp"
#include "worker/stream_priority.hpp"
#include "worker_fixtures.hpp"

using namespace xsp;

namespace {

// A model whose footprint is 1 GiB of weights plus 100 MiB per image.
size_t linearFootprint(int batch) { return (1024ull + 100ull * static_cast<size_t>(batch)) << 20; }

}  // namespace

TEST_CASE("binary UUIDs print in nvidia-smi's form; ROCm's ASCII ids keep their digits") {
  const unsigned char cuda[16] = {0x5f, 0x1d, 0x2a, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f,
                                  0x80, 0x91, 0xa2, 0xb3, 0xc4, 0xd5, 0xe6, 0xf7};
  EXPECT_TRUE(formatGpuUuid(cuda) == "GPU-5f1d2a3b-4c5d-6e7f-8091-a2b3c4d5e6f7");
  const unsigned char rocm[16] = {'5', 'b', 'd', '1', 'a', 'b', '2', 'f', '7', 'd', '5', 'd', '5', 'a', 'd', '3'};
  EXPECT_TRUE(formatGpuUuid(rocm) == "GPU-5bd1ab2f7d5d5ad3");
  const unsigned char zero[16] = {};
  EXPECT_TRUE(formatGpuUuid(zero) == "GPU-00000000-0000-0000-0000-000000000000");
}

TEST_CASE("arch names: gcnArchName up to ':' and sm_<major><minor>") {
  EXPECT_TRUE(archFromGcnArchName("gfx90a:sramecc+:xnack-") == "gfx90a");
  EXPECT_TRUE(archFromGcnArchName("gfx942") == "gfx942");
  EXPECT_TRUE(archFromComputeCapability(9, 0) == "sm_90");
  EXPECT_TRUE(archFromComputeCapability(12, 0) == "sm_120");
}

TEST_CASE("runtime and driver versions as major.minor") {
  EXPECT_TRUE(cudaVersionText(13000) == "13.0");
  EXPECT_TRUE(cudaVersionText(12080) == "12.8");
  EXPECT_TRUE(hipVersionText(50221153) == "5.2");  // Debian's HIP 5.2.21153
  EXPECT_TRUE(hipVersionText(60342134) == "6.3");
}

TEST_CASE("stream priority: default and low take the least priority, high the greatest") {
  // CUDA reports least 0, greatest -5; lower numbers are higher priorities.
  EXPECT_EQ(pickStreamPriorityValue(StreamPriorityKind::Default, 0, -5), 0);
  EXPECT_EQ(pickStreamPriorityValue(StreamPriorityKind::Low, 0, -5), 0);
  EXPECT_EQ(pickStreamPriorityValue(StreamPriorityKind::High, 0, -5), -5);
}

TEST_CASE("no GPU is exit 3 and names the runtime's error") {
  EXPECT_ERROR([] { checkGpuCount(0, true, "hipErrorNoDevice (no ROCm-capable device is detected)"); }, ExitCode::NoGpu,
               "no GPU visible: counting devices failed with hipErrorNoDevice (no ROCm-capable device is detected)");
  EXPECT_ERROR([] { checkGpuCount(0, false, ""); }, ExitCode::NoGpu, "the runtime reports 0 devices");
  checkGpuCount(2, false, "");  // no throw
}

TEST_CASE("a GPU index out of range is exit 4 and says which indices exist") {
  EXPECT_ERROR([] { checkGpuIndex(2, 2); }, ExitCode::GpuIndexOutOfRange,
               "--gpu 2 is out of range: 2 GPUs are visible (indices 0 to 1)");
  EXPECT_ERROR([] { checkGpuIndex(5, 1); }, ExitCode::GpuIndexOutOfRange, "1 GPU is visible (indices 0 to 0)");
  checkGpuIndex(1, 2);
}

TEST_CASE("the largest batch that fits is found by bisection") {
  // 4 GiB free: 1024 + 100 b <= 4096 MiB -> b <= 30.72 -> 30.
  EXPECT_EQ(largestBatchThatFits(linearFootprint, size_t(4) << 30, 1024), 30);
  EXPECT_EQ(largestBatchThatFits(linearFootprint, size_t(4) << 30, 20), 19);  // only below the request
  EXPECT_EQ(largestBatchThatFits(linearFootprint, size_t(1) << 30, 1024), 0);  // not even batch 1
  EXPECT_EQ(largestBatchThatFits(linearFootprint, size_t(64) << 30, 1), 0);    // nothing below batch 1
}

TEST_CASE("not enough memory is exit 5 with needed, free and a batch that fits") {
  // batch 1024: 1024 + 102400 MiB = 103424 MiB = 101.00 GiB.
  EXPECT_ERROR([] { checkDeviceMemory(linearFootprint, 1024, size_t(4) << 30, "resnet50 at 224x224"); },
               ExitCode::NotEnoughMemory,
               "not enough GPU memory: resnet50 at 224x224 with --batch 1024 needs 101.00 GiB (108447924224 bytes), "
               "4.00 GiB (4294967296 bytes) free; --batch 30 fits");
  EXPECT_ERROR([] { checkDeviceMemory(linearFootprint, 8, size_t(512) << 20, "resnet18"); }, ExitCode::NotEnoughMemory,
               "even --batch 1 needs 1.10 GiB");
  checkDeviceMemory(linearFootprint, 30, size_t(4) << 30, "fits");
}

XSP_TEST_MAIN()
