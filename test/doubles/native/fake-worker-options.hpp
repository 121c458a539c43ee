// The worker TEST DOUBLE's inputs (fake-worker.cpp): its command-line options and its numeric environment knobs.

#pragma once

#include "js-semantics.hpp"
#include "fake-worker-output.hpp"

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

double number_knob(const char* name, double fallback) {
  const char* raw = std::getenv(name);
  if (raw == nullptr || *raw == '\0') return fallback;
  double value = js::to_number(raw);
  if (!std::isfinite(value) || value < 0) fail(2, std::string(name) + "=" + js::quote(raw) + " is not a non-negative number");
  return value;
}

struct Options {
  bool probe = false;
  std::string role, model, result, arrival, stream_priority;
  double gpu = 0, rate_hz = 10, batch = 1, image_size = 224, seed = 1, duration_ms = 10000, warmup = 5, inject_delay_us = 0, drain_ms = 5000;
} opts;

void parse_options(int argc, char** argv) {
  js::ParsedArgs parsed = js::parse_args(argc, argv, {"role", "model", "result", "batch", "image-size", "gpu", "seed", "duration-ms", "rate-hz",
    "arrival", "stream-priority", "warmup-iters", "inject-delay-us", "drain-ms"}, {"probe", "version", "help"});
  if (!parsed.error.empty()) fail(2, parsed.error);
  auto raw = [&](const std::string& name) -> const std::string* {
    auto found = parsed.values.find(name);
    return found == parsed.values.end() ? nullptr : &found->second;
  };
  auto integer = [&](const std::string& name, double fallback, double min) {
    const std::string* text = raw(name);
    if (text == nullptr) return fallback;
    size_t sign = (*text)[0] == '-' ? 1 : 0;  // /^-?[0-9]+$/
    bool digits = text->size() > sign && text->find_first_not_of("0123456789", sign) == std::string::npos;
    if (!digits || std::strtod(text->c_str(), nullptr) < min) fail(2, "--" + name + " must be an integer >= " + js::number(min) + ", got \"" + *text + "\"");
    return std::strtod(text->c_str(), nullptr);
  };
  auto one_of = [&](const std::string& name, const char* fallback, const std::vector<std::string>& allowed) {
    const std::string* text = raw(name);
    std::string value = text != nullptr ? *text : fallback != nullptr ? fallback : "undefined";
    if ((text == nullptr && fallback == nullptr) || !js::includes(allowed, value)) fail(2, "--" + name + " must be one of " + js::join(allowed, ", ") + ", got \"" + value + "\"");
    return value;
  };
  if (parsed.flags.count("version") != 0) out("xsched-perf-worker 0.1.0-fake (test double)\n"), std::exit(0);
  if (parsed.flags.count("help") != 0) out("fake xsched-perf-worker (test double): see docs/protocol.md\n"), std::exit(0);
  opts.gpu = integer("gpu", 0, 0);
  if ((opts.probe = parsed.flags.count("probe") != 0)) return;
  opts.role = one_of("role", nullptr, {"hp", "lp"});
  for (const char* flag : {"rate-hz", "arrival", "inject-delay-us"}) {
    if (opts.role == "lp" && raw(flag) != nullptr) fail(2, "--" + std::string(flag) + " applies to --role hp only (got it with --role lp)");
  }
  if (raw("result") == nullptr || raw("result")->empty()) fail(2, "--result PATH is required");
  opts.result = *raw("result");
  opts.rate_hz = raw("rate-hz") != nullptr ? js::to_number(*raw("rate-hz")) : 10;
  if (!(opts.rate_hz > 0)) fail(2, "--rate-hz must be > 0, got \"" + *raw("rate-hz") + "\"");
  opts.model = one_of("model", nullptr, {"resnet18", "resnet50"});
  opts.batch = integer("batch", 1, 1);
  opts.image_size = integer("image-size", 224, 1);
  opts.seed = integer("seed", 1, -2147483648.0);
  opts.duration_ms = integer("duration-ms", 10000, 1);
  opts.arrival = one_of("arrival", "uniform", {"uniform", "poisson"});
  opts.stream_priority = one_of("stream-priority", "default", {"default", "high", "low"});
  opts.warmup = integer("warmup-iters", 5, 0);
  opts.inject_delay_us = integer("inject-delay-us", 0, 0);
  opts.drain_ms = integer("drain-ms", 5000, 0);
}

}  // namespace
