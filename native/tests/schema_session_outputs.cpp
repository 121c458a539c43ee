// Writes what a real worker session prints and saves, without a GPU, for the check against
// the published JSON Schema files (native/tests/check-worker-outputs.sh): an hp and an lp
// session with a fake forward pass, each leaving <role>.ready.json (its READY line's JSON)
// and <role>.result.json in the directory given as the only argument.
// The host facts are real (fillHostFacts); the GPU identity is a stand-in, as there is no GPU.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "worker/arrival_schedule.hpp"
#include "worker/monotonic_clock.hpp"
#include "worker/stdin_watcher.hpp"
#include "worker/worker_session.hpp"

using namespace xsp;

namespace {

constexpr int64_t kMs = 1'000'000;

WorkerFingerprint standInFingerprint(Role role) {
  WorkerFingerprint f;
  f.role = role;
  f.platform = "cuda";
  f.gpu = {0, "CPU test stand-in GPU", "sm_90", "GPU-cpu-test", "0000:00:00.0", int64_t{1} << 30, 1};
  f.runtimeVersion = "cpu-test";
  f.driverVersion = "cpu-test";
  f.mps = {std::nullopt, "not available in the CPU tests", std::nullopt};
  // lp as the cu-mask arms start it (--cu-mask-percent), so the schema check covers cuMask.
  if (role == Role::Lp) f.cuMask = CuMaskObservation{50, 1, cuMaskText(cuMaskForPercent(50, 1)), "0x00000001"};
  fillHostFacts(f);
  return f;
}

bool runSession(Role role, const std::string& dir) {
  const std::string name = role == Role::Hp ? "hp" : "lp";
  int fds[2];
  if (pipe(fds) != 0) return false;
  std::string ready;
  SessionSetup s;
  s.options.role = role;
  s.options.rateHz = 50;
  s.options.durationMs = 200;
  s.options.resultPath = dir + "/" + name + ".result.json";
  s.fingerprint = standInFingerprint(role);
  s.scheduleNs = generateArrivalOffsetsNs(Arrival::Uniform, 50, 200 * kMs, 1);
  s.warmup = {5, 1.5};
  s.runForward = [] { sleepUntilNs(monotonicNowNs() + 5 * kMs, nullptr); };
  s.stopReason = [] { return StopReason::None; };
  s.emitLine = [&ready](const std::string& line) {
    if (line.rfind("READY ", 0) == 0) ready = line.substr(6);
  };
  s.progressPeriodNs = 100 * kMs;
  StdinWatcher input(fds[0], nullptr);
  WorkerSession session(s);
  int64_t start = monotonicNowNs() + 300 * kMs;
  std::string line = "START " + std::to_string(start) + " " + std::to_string(start + 200 * kMs) + "\n";
  if (write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) return false;
  bool ok = session.run(input) == ExitCode::Ok;
  close(fds[1]);
  std::ofstream(dir + "/" + name + ".ready.json") << ready << "\n";
  return ok && !ready.empty();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <output directory>\n", argv[0]);
    return 2;
  }
  std::filesystem::create_directories(argv[1]);
  bool ok = runSession(Role::Hp, argv[1]) && runSession(Role::Lp, argv[1]);
  if (!ok) std::fprintf(stderr, "a session did not end with exit code Ok\n");
  return ok ? 0 : 1;
}
