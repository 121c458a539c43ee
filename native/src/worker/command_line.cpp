#include "worker/command_line.hpp"

#include <map>

#include "worker/exit_codes.hpp"
#include "worker/option_values.hpp"

namespace xsp {
namespace {

const std::vector<std::string> kValueFlags = {
    "--role", "--model", "--result", "--batch", "--image-size", "--gpu", "--seed", "--duration-ms",
    "--rate-hz", "--arrival", "--stream-priority", "--warmup-iters", "--inject-delay-us", "--drain-ms",
    "--cu-mask-percent"};
const std::vector<std::string> kModeFlags = {"--probe", "--version", "--help", "-h"};
const std::vector<std::string> kHpOnlyFlags = {"--rate-hz", "--arrival", "--inject-delay-us"};
const std::vector<std::string> kProbeFlags = {"--gpu", "--role", "--stream-priority"};

bool contains(const std::vector<std::string>& list, const std::string& item) {
  for (const auto& entry : list) {
    if (entry == item) return true;
  }
  return false;
}

[[noreturn]] void reject(const std::string& reason) { throw WorkerError(ExitCode::BadCommandLine, reason); }

// flag -> value ("" for mode flags); rejects unknown, repeated and value-less flags.
std::map<std::string, std::string> collectFlags(const std::vector<std::string>& args) {
  std::map<std::string, std::string> flags;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::string value;
    bool inlineValue = false;
    size_t eq = name.find('=');
    if (name.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      inlineValue = true;
    }
    if (contains(kValueFlags, name)) {
      if (!inlineValue) {
        if (i + 1 >= args.size()) reject(name + " needs a value; see --help");
        value = args[++i];
      }
    } else if (contains(kModeFlags, name)) {
      if (inlineValue) reject(name + " takes no value (got '" + value + "')");
    } else if (name.rfind("-", 0) == 0) {
      reject("unknown option '" + name + "'; see --help");
    } else {
      reject("unexpected argument '" + name + "'; options look like --name value, see --help");
    }
    auto [it, inserted] = flags.emplace(name, value);
    if (!inserted) reject(name + " given twice ('" + it->second + "' and '" + value + "')");
  }
  return flags;
}

void applyValue(const std::string& flag, const std::string& value, WorkerOptions& o) {
  if (flag == "--role") o.role = parseRoleValue(value);
  else if (flag == "--model") o.model = parseModelValue(value);
  else if (flag == "--result") o.resultPath = parseResultPathValue(value);
  else if (flag == "--batch") o.batch = static_cast<int>(parseIntegerValue(flag, value, 1, 65536));
  else if (flag == "--image-size") o.imageSize = static_cast<int>(parseIntegerValue(flag, value, 32, 4096));
  else if (flag == "--gpu") o.gpuIndex = static_cast<int>(parseIntegerValue(flag, value, 0, 1023));
  else if (flag == "--seed") o.seed = static_cast<uint64_t>(parseIntegerValue(flag, value, 0, kMaxExactJsonInteger));
  else if (flag == "--duration-ms") o.durationMs = parseIntegerValue(flag, value, 1, 86'400'000);
  else if (flag == "--rate-hz") o.rateHz = parseRateValue(value);
  else if (flag == "--arrival") o.arrival = parseArrivalValue(value);
  else if (flag == "--stream-priority") o.streamPriority = parseStreamPriorityValue(value);
  else if (flag == "--warmup-iters") o.warmupIterations = static_cast<int>(parseIntegerValue(flag, value, 1, 100'000));
  else if (flag == "--inject-delay-us") o.injectDelayUs = parseIntegerValue(flag, value, 0, 10'000'000);
  else if (flag == "--drain-ms") o.drainMs = parseIntegerValue(flag, value, 0, 3'600'000);
  else if (flag == "--cu-mask-percent") o.cuMaskPercent = static_cast<int>(parseIntegerValue(flag, value, 1, 100));
}

void checkRunOptions(const std::map<std::string, std::string>& flags, const WorkerOptions& o) {
  if (!flags.count("--role")) reject("--role is required (hp or lp)");
  if (!flags.count("--model")) reject("--model is required (resnet18 or resnet50)");
  if (!flags.count("--result")) reject("--result is required (the path of the result JSON to write)");
  // hipExtStreamCreateWithCUMask takes no priority (worker/cu_mask_stream.hpp).
  if (flags.count("--cu-mask-percent") && o.streamPriority != StreamPriorityKind::Default) {
    reject("--cu-mask-percent " + flags.at("--cu-mask-percent") + " needs --stream-priority default (got " +
           streamPriorityName(o.streamPriority) + "): a CU-masked stream has the default priority");
  }
  if (o.role == Role::Lp) {
    for (const auto& flag : kHpOnlyFlags) {
      if (flags.count(flag)) reject(flag + " applies to --role hp only (got it with --role lp)");
    }
    return;
  }
  double expected = o.rateHz * static_cast<double>(o.durationMs) / 1000.0;
  if (expected > static_cast<double>(kMaxScheduledRequests)) {
    reject("--rate-hz " + formatShortest(o.rateHz) + " over --duration-ms " + std::to_string(o.durationMs) +
           " schedules about " + formatShortest(expected) + " requests, more than " +
           std::to_string(kMaxScheduledRequests) + "; lower the rate or the duration");
  }
}

}  // namespace

CommandLine parseCommandLine(const std::vector<std::string>& args) {
  std::map<std::string, std::string> flags = collectFlags(args);
  CommandLine cl;
  if (flags.count("--help") || flags.count("-h")) {
    cl.mode = WorkerMode::Help;
    return cl;
  }
  if (flags.count("--version")) {
    cl.mode = WorkerMode::Version;
    return cl;
  }
  for (const auto& [flag, value] : flags) applyValue(flag, value, cl.options);
  if (flags.count("--probe")) {
    for (const auto& [flag, value] : flags) {
      if (flag != "--probe" && !contains(kProbeFlags, flag)) {
        reject("--probe takes only --gpu, --role and --stream-priority (got " + flag + ")");
      }
    }
    cl.mode = WorkerMode::Probe;
    return cl;
  }
  checkRunOptions(flags, cl.options);
  return cl;
}

}  // namespace xsp
