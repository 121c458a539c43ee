// Times whole forward passes of the native networks (event pairs on an explicit
// stream, after warm-up): by default ResNet-50 batch 1024 and ResNet-18 batch 1
// at 224x224, the issue-2 targets. Prints a table and one JSON line
// ({"schema":"xsched-perf.native-bench",...}). --layers adds a per-layer table;
// --variant compact|unrolled forces one conv kernel variant on every layer.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "../src/model/resnet_network.hpp"
#include "bench_timing.hpp"

using xsp::bench::TimingSummary;
using xsp::model::ResNetNetwork;

namespace {

struct BenchCase {
  xsp::ModelKind model;
  int batch, image;
};

struct Options {
  std::vector<BenchCase> cases;
  bool layers = false;
  std::string variant = "auto";
  double budgetMs = 3000;  // time spent measuring each case (repetitions adapt, 10..300)
};

BenchCase parseCase(const std::string& text) {
  // model:batch:image
  const size_t a = text.find(':'), b = text.rfind(':');
  BenchCase c{};
  if (a == std::string::npos || a == b || !xsp::parseModelKind(text.substr(0, a), &c.model)) {
    throw std::invalid_argument("--case wants model:batch:image (e.g. resnet50:1024:224), got '" + text + "'");
  }
  c.batch = std::atoi(text.substr(a + 1, b - a - 1).c_str());
  c.image = std::atoi(text.substr(b + 1).c_str());
  return c;
}

Options parseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--case") o.cases.push_back(parseCase(next()));
    else if (arg == "--layers") o.layers = true;
    else if (arg == "--variant") o.variant = next();
    else if (arg == "--budget-ms") o.budgetMs = std::atof(next().c_str());
    else throw std::invalid_argument("unknown option '" + arg + "' (--case m:b:i, --layers, --variant, --budget-ms)");
  }
  if (o.variant != "auto" && o.variant != "compact" && o.variant != "unrolled") {
    throw std::invalid_argument("--variant wants auto|compact|unrolled, got '" + o.variant + "'");
  }
  if (o.cases.empty()) o.cases = {{xsp::ModelKind::ResNet50, 1024, 224}, {xsp::ModelKind::ResNet18, 1, 224}};
  return o;
}

void applyVariant(ResNetNetwork& net, const std::string& variant) {
  if (variant == "auto") return;
  const auto v = variant == "unrolled" ? xsp::kernels::ConvKernelVariant::Unrolled : xsp::kernels::ConvKernelVariant::Compact;
  for (size_t i = 0; i < net.architecture().layers.size(); ++i) {
    if (!net.architecture().layers[i].hasParameters()) continue;
    auto t = net.plan().tilings[i];
    t.variant = v;
    net.overrideConvTiling(i, t);
  }
}

void printLayerTable(ResNetNetwork& net, hipStream_t stream) {
  const auto& layers = net.architecture().layers;
  const int reps = 5;
  std::vector<hipEvent_t> events(layers.size() + 1);
  for (auto& e : events) GPU_CHECK(hipEventCreate(&e));
  std::vector<std::vector<double>> ms(layers.size());
  for (int r = 0; r < reps; ++r) {
    for (size_t i = 0; i < layers.size(); ++i) {
      GPU_CHECK(hipEventRecord(events[i], stream));
      net.enqueueLayer(i);
    }
    GPU_CHECK(hipEventRecord(events.back(), stream));
    GPU_CHECK(hipEventSynchronize(events.back()));
    for (size_t i = 0; i < layers.size(); ++i) {
      float t = 0;
      GPU_CHECK(hipEventElapsedTime(&t, events[i], events[i + 1]));
      ms[i].push_back(t);
    }
  }
  std::printf("  %-22s %-16s %-8s %5s %-9s %9s %8s\n", "layer", "in (HxWxC)->k", "tile", "split", "variant", "ms", "TFLOP/s");
  for (size_t i = 0; i < layers.size(); ++i) {
    const auto& l = layers[i];
    const double med = xsp::bench::summarizeTimings(ms[i]).medianMs;
    const auto& t = net.plan().tilings[i];
    char shape[64];
    std::snprintf(shape, sizeof shape, "%dx%dx%d->%d", l.in.h, l.in.w, l.in.c, l.out.c);
    std::printf("  %-22s %-16s %-8s %5d %-9s %9.4f %8.2f\n", l.name.c_str(), shape,
                l.hasParameters() ? xsp::kernels::describeConvTile(t.tile) : "-", l.hasParameters() ? t.splitK : 0,
                !l.hasParameters() ? "-" : t.variant == xsp::kernels::ConvKernelVariant::Unrolled ? "unrolled" : "compact",
                med, 2.0 * l.countMacs() / (med * 1e-3) / 1e12);
  }
  for (auto& e : events) GPU_CHECK(hipEventDestroy(e));
}

struct CaseResult {
  BenchCase c;
  TimingSummary t;
  double macs;
};

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options opt = parseOptions(argc, argv);
    hipDeviceProp_t prop;
    int device = 0;
    GPU_CHECK(hipGetDevice(&device));
    GPU_CHECK(hipGetDeviceProperties(&prop, device));
    hipStream_t stream = xsp::bench::createBenchStream();
    std::vector<CaseResult> results;
    for (const BenchCase& c : opt.cases) {
      xsp::NetworkConfig cfg;
      cfg.model = c.model;
      cfg.batch = c.batch;
      cfg.imageSize = c.image;
      ResNetNetwork net(cfg, stream);
      applyVariant(net, opt.variant);
      const auto probe = xsp::bench::timeWithEvents(stream, 3, 3, [&] { net.enqueueForward(); });
      const double each = xsp::bench::summarizeTimings(probe).medianMs;
      const int reps = static_cast<int>(std::min(300.0, std::max(10.0, opt.budgetMs / std::max(each, 1e-3))));
      const auto ms = xsp::bench::timeWithEvents(stream, 2, reps, [&] { net.enqueueForward(); });
      results.push_back({c, xsp::bench::summarizeTimings(ms), net.macsPerForward()});
      if (opt.layers) {
        std::printf("per-layer medians, %s batch %d image %d:\n", xsp::modelName(c.model), c.batch, c.image);
        printLayerTable(net, stream);
      }
    }
    std::printf("GPU: %s (%d SMs), kernel variant: %s\n", prop.name, prop.multiProcessorCount, opt.variant.c_str());
    std::printf("%-9s %6s %6s %11s %10s %10s %10s %10s %5s %9s %8s\n", "model", "batch", "image", "median ms",
                "p10 ms", "p90 ms", "min ms", "max ms", "reps", "GMAC", "TFLOP/s");
    for (const auto& r : results) {
      std::printf("%-9s %6d %6d %11.3f %10.3f %10.3f %10.3f %10.3f %5d %9.1f %8.2f\n", xsp::modelName(r.c.model),
                  r.c.batch, r.c.image, r.t.medianMs, r.t.p10Ms, r.t.p90Ms, r.t.minMs, r.t.maxMs, r.t.reps,
                  r.macs / 1e9, 2.0 * r.macs / (r.t.medianMs * 1e-3) / 1e12);
    }
    std::printf("{\"schema\":\"xsched-perf.native-bench\",\"schemaVersion\":1,\"gpu\":\"%s\",\"smCount\":%d,"
                "\"platform\":\"%s\",\"kernelVariant\":\"%s\",\"results\":[",
                prop.name, prop.multiProcessorCount, XSP_PLATFORM_NAME, opt.variant.c_str());
    for (size_t i = 0; i < results.size(); ++i) {
      const auto& r = results[i];
      std::printf("%s{\"model\":\"%s\",\"batch\":%d,\"imageSize\":%d,\"medianMs\":%.4f,\"p10Ms\":%.4f,"
                  "\"p90Ms\":%.4f,\"minMs\":%.4f,\"maxMs\":%.4f,\"reps\":%d,\"macsPerForward\":%.0f,\"tflops\":%.3f}",
                  i ? "," : "", xsp::modelName(r.c.model), r.c.batch, r.c.image, r.t.medianMs, r.t.p10Ms, r.t.p90Ms,
                  r.t.minMs, r.t.maxMs, r.t.reps, r.macs, 2.0 * r.macs / (r.t.medianMs * 1e-3) / 1e12);
    }
    std::printf("]}\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "network_bench: %s\n", e.what());
    return 1;
  }
}
