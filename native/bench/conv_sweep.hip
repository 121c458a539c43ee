// For every distinct conv/fc shape of a network, times each tile x kernel
// variant x split-K candidate next to the tiling chooseConvTiling picks, so the
// choice rules can be tuned from one run. Weighted by how often each shape
// occurs, it prints the network's conv time with the chosen and the best tilings.
//   conv_sweep --case resnet50:1024:224 [--case resnet18:1:224]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "../src/kernels/conv_gemm.hpp"
#include "../src/kernels/device_buffer.hpp"
#include "../src/kernels/seeded_fill.hpp"
#include "../src/model/device_plan.hpp"
#include "../src/model/resnet_network.hpp"
#include "bench_timing.hpp"

using xsp::kernels::ConvKernelVariant;
using xsp::kernels::ConvShape;
using xsp::kernels::ConvTile;
using xsp::kernels::ConvTiling;
using xsp::kernels::DeviceBuffer;

namespace {

struct ShapeUse {
  ConvShape shape;
  bool residual = false;
  int count = 0;
  std::string firstName;
};

std::vector<ShapeUse> collectShapes(const xsp::model::Architecture& arch) {
  std::map<std::tuple<int, int, int, int, int, int, int>, ShapeUse> byKey;
  for (const auto& l : arch.layers) {
    if (!l.hasParameters()) continue;
    const ConvShape s = xsp::model::makeConvShape(l);
    auto& use = byKey[{s.h, s.w, s.c, s.k, s.kernel, s.stride, l.residualBuffer >= 0 ? 1 : 0}];
    if (use.count == 0) {
      use.shape = s;
      use.residual = l.residualBuffer >= 0;
      use.firstName = l.name;
    }
    ++use.count;
  }
  std::vector<ShapeUse> out;
  for (auto& kv : byKey) out.push_back(kv.second);
  return out;
}

std::vector<ConvTiling> listCandidates(const ConvShape& s, int smCount) {
  std::vector<ConvTiling> out;
  for (ConvTile tile : {ConvTile::M128N128, ConvTile::M128N64, ConvTile::M64N64}) {
    const long long blocks = ((s.gemmM() + xsp::kernels::countTileRows(tile) - 1) / xsp::kernels::countTileRows(tile)) *
                             ((s.k + xsp::kernels::countTileCols(tile) - 1) / xsp::kernels::countTileCols(tile));
    std::vector<int> splits = {1};
    if (blocks < 2LL * smCount) {
      const int fill = static_cast<int>((2LL * smCount + blocks - 1) / blocks);
      for (int f : {fill / 2, fill, fill * 2}) {
        if (f > 1) splits.push_back(std::min(f, 64));
      }
    }
    for (int split : splits)
      for (ConvKernelVariant v : {ConvKernelVariant::Compact, ConvKernelVariant::Unrolled}) {
        ConvTiling t = xsp::kernels::makeConvTiling(s, tile, split);
        t.variant = v;
        out.push_back(t);
      }
  }
  return out;
}

std::string describe(const ConvTiling& t) {
  return std::string(xsp::kernels::describeConvTile(t.tile)) + "/s" + std::to_string(t.splitK) +
         (t.variant == ConvKernelVariant::Unrolled ? "/unr" : "/cmp");
}

void sweepCase(xsp::ModelKind kind, int batch, int image, int smCount, hipStream_t stream) {
  const auto arch = xsp::model::buildResNet(kind, batch, image);
  const auto shapes = collectShapes(arch);
  long long maxIn = 0, maxOut = 0, maxW = 0, maxWork = 0;
  for (const auto& u : shapes) {
    maxIn = std::max(maxIn, 1LL * u.shape.n * u.shape.h * u.shape.w * u.shape.c);
    maxOut = std::max(maxOut, u.shape.gemmM() * u.shape.k);
    maxW = std::max(maxW, 1LL * u.shape.gemmK() * u.shape.k);
    for (const auto& t : listCandidates(u.shape, smCount))
      maxWork = std::max(maxWork, xsp::kernels::countConvWorkspaceFloats(u.shape, t));
  }
  DeviceBuffer in(maxIn), out(maxOut), res(maxOut), w(maxW), bias(4096), work(maxWork);
  xsp::kernels::enqueueSeededFill(in.data(), maxIn, 1, 1.0f, stream);
  xsp::kernels::enqueueSeededFill(res.data(), maxOut, 2, 1.0f, stream);
  xsp::kernels::enqueueSeededFill(w.data(), maxW, 3, 0.05f, stream);
  xsp::kernels::enqueueSeededFill(bias.data(), 4096, 4, 0.1f, stream);
  const bool large = arch.countMacsPerForward() > 1e11;
  const int warmup = large ? 1 : 5, reps = large ? 3 : 30;
  double chosenTotal = 0, bestTotal = 0;
  std::printf("conv sweep, %s batch %d image %d (%d SMs): median ms of %d reps\n", xsp::modelName(kind), batch,
              image, smCount, reps);
  for (const auto& u : shapes) {
    const ConvTiling chosen = xsp::kernels::chooseConvTiling(u.shape, smCount);
    auto timeOne = [&](const ConvTiling& t) {
      xsp::kernels::ConvTensors tensors{in.data(), w.data(), bias.data(), u.residual ? res.data() : nullptr, out.data(),
                                        work.data()};
      return xsp::bench::summarizeTimings(xsp::bench::timeWithEvents(stream, warmup, reps, [&] {
               xsp::kernels::enqueueConv(u.shape, true, t, tensors, stream);
             })).medianMs;
    };
    const double chosenMs = timeOne(chosen);
    double bestMs = chosenMs;
    std::string best = describe(chosen), all;
    for (const auto& t : listCandidates(u.shape, smCount)) {
      const double ms = timeOne(t);
      char item[64];
      std::snprintf(item, sizeof item, " %s=%.4f", describe(t).c_str(), ms);
      all += item;
      if (ms < bestMs) {
        bestMs = ms;
        best = describe(t);
      }
    }
    const double tflops = 2.0 * u.shape.gemmM() * u.shape.k * u.shape.gemmK() / (bestMs * 1e-3) / 1e12;
    std::printf("  %-20s x%-2d %3dx%-3d c%-4d k%-4d %dx%d/%d  chosen %s %.4f  best %s %.4f (%.1f TFLOP/s)\n   %s\n",
                u.firstName.c_str(), u.count, u.shape.h, u.shape.w, u.shape.c, u.shape.k, u.shape.kernel,
                u.shape.kernel, u.shape.stride, describe(chosen).c_str(), chosenMs, best.c_str(), bestMs, tflops,
                all.c_str());
    chosenTotal += chosenMs * u.count;
    bestTotal += bestMs * u.count;
  }
  std::printf("  conv+fc total: chosen %.3f ms, best per shape %.3f ms\n", chosenTotal, bestTotal);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> cases;
    for (int i = 1; i + 1 < argc; i += 2) {
      if (std::string(argv[i]) != "--case") throw std::invalid_argument(std::string("unknown option ") + argv[i]);
      cases.push_back(argv[i + 1]);
    }
    if (cases.empty()) cases = {"resnet50:1024:224", "resnet18:1:224"};
    hipStream_t stream = xsp::bench::createBenchStream();
    const int sms = xsp::model::queryCurrentSmCount();
    for (const auto& c : cases) {
      const size_t a = c.find(':'), b = c.rfind(':');
      xsp::ModelKind kind;
      if (a == std::string::npos || a == b || !xsp::parseModelKind(c.substr(0, a), &kind)) {
        throw std::invalid_argument("--case wants model:batch:image, got '" + c + "'");
      }
      sweepCase(kind, std::atoi(c.substr(a + 1, b - a - 1).c_str()), std::atoi(c.substr(b + 1).c_str()), sms, stream);
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "conv_sweep: %s\n", e.what());
    return 1;
  }
}
