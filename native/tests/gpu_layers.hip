// Every GPU layer kernel against the CPU reference on fresh random inputs:
// conv through each tile, kernel variant, vector/scalar load path, split-K,
// stride 1/2, 1x1/3x3/7x7, residual (also in place), ReLU, channel and pixel
// tails; max pool; global average pool; fully connected. Outputs are poisoned
// with NaN first, so an element the kernel never writes fails.
// Bound: relative L2 error <= 1e-5 and max error <= 1e-4 x rms (fp32 with sums
// of up to 4608 products lands around 1e-7..1e-6).
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "../src/kernels/conv_gemm.hpp"
#include "../src/kernels/device_buffer.hpp"
#include "../src/kernels/pooling.hpp"
#include "../src/reference/reference_ops.hpp"
#include "testing.hpp"

using xsp::kernels::ConvKernelVariant;
using xsp::kernels::ConvShape;
using xsp::kernels::ConvTile;
using xsp::kernels::DeviceBuffer;
using xsp::reference::HostTensor;

namespace {

constexpr double kRelativeL2Bound = 1e-5;
constexpr double kMaxOverRmsBound = 1e-4;

hipStream_t makeStream() {
  hipStream_t s;
  GPU_CHECK(hipStreamCreateWithPriority(&s, hipStreamNonBlocking, 0));
  return s;
}
hipStream_t theStream() {
  static hipStream_t s = makeStream();
  return s;
}

std::vector<float> makeRandom(size_t count, unsigned seed, float bound) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-bound, bound);
  std::vector<float> v(count);
  for (float& x : v) x = dist(rng);
  return v;
}

void expectClose(const std::string& what, const std::vector<float>& actual, const std::vector<float>& expected) {
  const double l2 = xsp::reference::computeRelativeL2Error(actual.data(), expected.data(), expected.size());
  const double mx = xsp::reference::computeMaxErrorOverRms(actual.data(), expected.data(), expected.size());
  std::printf("     %-58s relL2 %.2e  max/rms %.2e\n", what.c_str(), l2, mx);
  if (!(actual.size() == expected.size() && l2 <= kRelativeL2Bound && mx <= kMaxOverRmsBound)) {
    xsp::testing::fail(__FILE__, __LINE__, what + ": relative L2 " + std::to_string(l2) + ", max/rms " +
                                               std::to_string(mx) + " over the bound");
  }
}

struct ConvCase {
  ConvShape shape;
  bool relu;
  bool residual;
  bool inPlace;  // residual and output are the same buffer
};

void runConvCase(const ConvCase& c, ConvTile tile, int splitK, ConvKernelVariant variant, unsigned seed) {
  const ConvShape& s = c.shape;
  HostTensor in(s.n, s.h, s.w, s.c);
  in.data = makeRandom(in.data.size(), seed, 1.0f);
  const std::vector<float> weight = makeRandom(static_cast<size_t>(s.gemmK()) * s.k, seed + 1, 0.1f);
  const std::vector<float> bias = makeRandom(s.k, seed + 2, 0.5f);
  HostTensor residual(s.n, s.outH(), s.outW(), s.k);
  residual.data = makeRandom(residual.data.size(), seed + 3, 1.0f);
  const HostTensor expected = xsp::reference::computeConvReference(
      in, weight.data(), bias.data(), {s.k, s.kernel, s.stride, s.pad, c.relu}, c.residual ? &residual : nullptr);

  hipStream_t stream = theStream();
  DeviceBuffer dIn(in.data.size()), dW(weight.size()), dB(bias.size()), dOut(expected.data.size()),
      dRes(residual.data.size());
  dIn.upload(in.data, stream);
  dW.upload(weight, stream);
  dB.upload(bias, stream);
  xsp::kernels::ConvTiling tiling = xsp::kernels::makeConvTiling(s, tile, splitK);
  tiling.variant = variant;
  DeviceBuffer dWork(static_cast<size_t>(xsp::kernels::countConvWorkspaceFloats(s, tiling)));
  if (c.inPlace) {
    dOut.upload(residual.data, stream);  // the residual is read from the output buffer
  } else {
    dOut.poison(stream);
    if (c.residual) dRes.upload(residual.data, stream);
  }
  dWork.poison(stream);
  xsp::kernels::ConvTensors t;
  t.input = dIn.data();
  t.weight = dW.data();
  t.bias = dB.data();
  t.residual = c.residual ? (c.inPlace ? dOut.data() : dRes.data()) : nullptr;
  t.output = dOut.data();
  t.workspace = dWork.data();
  xsp::kernels::enqueueConv(s, c.relu, tiling, t, stream);
  const std::vector<float> actual = dOut.download(stream);
  char what[200];
  std::snprintf(what, sizeof what, "%dx%dx%d k%d %dx%d/%d %s split %d %s%s%s", s.h, s.w, s.c, s.k, s.kernel,
                s.kernel, s.stride, xsp::kernels::describeConvTile(tile), tiling.splitK,
                variant == ConvKernelVariant::Unrolled ? "unrolled" : "compact", c.residual ? " +res" : "",
                c.inPlace ? "(in place)" : "");
  expectClose(what, actual, expected.data);
}

const ConvTile kTiles[] = {ConvTile::M128N128, ConvTile::M128N64, ConvTile::M64N64};
const ConvKernelVariant kVariants[] = {ConvKernelVariant::Compact, ConvKernelVariant::Unrolled};

void runOnEveryTile(const ConvCase& c, int splitK, unsigned seed) {
  for (ConvTile tile : kTiles)
    for (ConvKernelVariant v : kVariants) runConvCase(c, tile, splitK, v, seed);
}

}  // namespace

TEST_CASE("conv 7x7/2 stem, 3 channels (scalar loads, reduction tail), relu") {
  runOnEveryTile({ConvShape{2, 33, 33, 3, 64, 7, 2, 3}, true, false, false}, 1, 100);
}

TEST_CASE("conv 3x3/1, 64 -> 64 channels, relu") {
  runOnEveryTile({ConvShape{2, 15, 15, 64, 64, 3, 1, 1}, true, false, false}, 1, 200);
}

TEST_CASE("conv 3x3/2, 32 -> 128 channels (stride in the 3x3, v1.5)") {
  runOnEveryTile({ConvShape{2, 17, 17, 32, 128, 3, 2, 1}, true, false, false}, 1, 300);
}

TEST_CASE("conv 1x1/1 with residual and relu (bottleneck conv3)") {
  runOnEveryTile({ConvShape{3, 9, 9, 64, 256, 1, 1, 0}, true, true, false}, 1, 400);
}

TEST_CASE("conv 1x1/1 with the residual read from the output buffer (in place)") {
  runOnEveryTile({ConvShape{2, 7, 7, 128, 128, 1, 1, 0}, true, true, true}, 1, 450);
}

TEST_CASE("conv 1x1/2 downsample, no relu") {
  runOnEveryTile({ConvShape{2, 14, 14, 256, 512, 1, 2, 0}, false, false, false}, 1, 500);
}

TEST_CASE("conv with 12 input channels (scalar path, c % 8 != 0) and 3x3 kernel") {
  runOnEveryTile({ConvShape{1, 10, 10, 12, 36, 3, 1, 1}, true, false, false}, 1, 600);
}

TEST_CASE("conv output channels 1000 (column tail of every tile)") {
  runOnEveryTile({ConvShape{5, 1, 1, 256, 1000, 1, 1, 0}, false, false, false}, 1, 700);
}

TEST_CASE("split-K: 3x3 512 -> 512 on 7x7 (resnet18 layer4 at batch 1), splits 2, 7, 64") {
  for (int split : {2, 7, 64}) {
    runOnEveryTile({ConvShape{1, 7, 7, 512, 512, 3, 1, 1}, true, true, false}, split, 800 + split);
  }
  runConvCase({ConvShape{1, 7, 7, 512, 512, 3, 1, 1}, true, true, true}, ConvTile::M64N64, 9,
              ConvKernelVariant::Compact, 850);
}

TEST_CASE("split-K on the stem (scalar path, reduction tail inside a split)") {
  runConvCase({ConvShape{1, 40, 40, 3, 64, 7, 2, 3}, true, false, false}, ConvTile::M64N64, 3,
              ConvKernelVariant::Compact, 900);
}

TEST_CASE("fully connected 2048 -> 1000 (the conv kernel on a 1x1 image) vs the fc reference") {
  const int n = 3, cin = 2048, cout = 1000;
  HostTensor in(n, 1, 1, cin);
  in.data = makeRandom(in.data.size(), 1000, 1.0f);
  const std::vector<float> weight = makeRandom(static_cast<size_t>(cin) * cout, 1001, 0.03f);
  const std::vector<float> bias = makeRandom(cout, 1002, 0.03f);
  const HostTensor expected = xsp::reference::computeFullyConnectedReference(in, weight.data(), bias.data(), cout);
  hipStream_t stream = theStream();
  const ConvShape shape{n, 1, 1, cin, cout, 1, 1, 0};
  for (int split : {1, 8}) {
    DeviceBuffer dIn(in.data.size()), dW(weight.size()), dB(bias.size()), dOut(expected.data.size());
    dIn.upload(in.data, stream);
    dW.upload(weight, stream);
    dB.upload(bias, stream);
    dOut.poison(stream);
    const auto tiling = xsp::kernels::makeConvTiling(shape, ConvTile::M64N64, split);
    DeviceBuffer dWork(static_cast<size_t>(xsp::kernels::countConvWorkspaceFloats(shape, tiling)));
    xsp::kernels::enqueueConv(shape, false, tiling, {dIn.data(), dW.data(), dB.data(), nullptr, dOut.data(), dWork.data()},
                              stream);
    expectClose("fc 2048->1000 batch 3 split " + std::to_string(tiling.splitK), dOut.download(stream), expected.data);
  }
}

TEST_CASE("max pool 3x3/2 pad 1 (resnet stem pool) on odd and even sizes") {
  hipStream_t stream = theStream();
  for (int size : {17, 112}) {
    HostTensor in(2, size, size, 64);
    in.data = makeRandom(in.data.size(), 1100 + size, 1.0f);
    const HostTensor expected = xsp::reference::computeMaxPoolReference(in, 3, 2, 1);
    DeviceBuffer dIn(in.data.size()), dOut(expected.data.size());
    dIn.upload(in.data, stream);
    dOut.poison(stream);
    xsp::kernels::enqueueMaxPool({2, size, size, 64}, 3, 2, 1, dIn.data(), dOut.data(), stream);
    expectClose("max pool " + std::to_string(size) + "x" + std::to_string(size) + "x64", dOut.download(stream),
                expected.data);
  }
}

TEST_CASE("global average pool 7x7x2048 and 2x2x512") {
  hipStream_t stream = theStream();
  for (int size : {7, 2}) {
    const int c = size == 7 ? 2048 : 512;
    HostTensor in(3, size, size, c);
    in.data = makeRandom(in.data.size(), 1200 + size, 1.0f);
    const HostTensor expected = xsp::reference::computeGlobalAvgPoolReference(in);
    DeviceBuffer dIn(in.data.size()), dOut(expected.data.size());
    dIn.upload(in.data, stream);
    dOut.poison(stream);
    xsp::kernels::enqueueGlobalAvgPool({3, size, size, c}, dIn.data(), dOut.data(), stream);
    expectClose("avg pool " + std::to_string(size) + "x" + std::to_string(size) + "x" + std::to_string(c),
                dOut.download(stream), expected.data);
  }
}

XSP_TEST_MAIN()
