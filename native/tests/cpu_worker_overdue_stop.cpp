// The promise to stop within one second when the main thread is blocked (in the
// worker: in a long GPU call). Each case runs in a forked child because the
// handler ends the process with _exit; the parent checks the exit code, the
// stderr line and the result file.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

#include "testing.hpp"
#include "worker/arrival_schedule.hpp"
#include "worker/monotonic_clock.hpp"
#include "worker/overdue_stop.hpp"
#include "worker/stop_watchdog.hpp"
#include "worker_fixtures.hpp"

using namespace xsp;

namespace {

constexpr int64_t kMs = 1'000'000;

struct ChildOutcome {
  int exitCode = -1;
  std::string stderrText;
  int64_t endedNs = 0;  // CLOCK_MONOTONIC when the parent saw the child exit
};

// Runs body in a child whose stderr is captured; body must end the process.
ChildOutcome runInChild(const std::function<void()>& body) {
  int errPipe[2];
  if (pipe(errPipe) != 0) std::abort();
  std::fflush(stdout);  // or the child flushes a copy of the parent's buffered lines
  pid_t pid = fork();
  if (pid == 0) {
    dup2(errPipe[1], STDERR_FILENO);
    close(errPipe[0]);
    body();
    _exit(99);  // the handler did not end the process
  }
  close(errPipe[1]);
  ChildOutcome outcome;
  char buffer[512];
  ssize_t n;
  while ((n = read(errPipe[0], buffer, sizeof buffer)) > 0) outcome.stderrText.append(buffer, static_cast<size_t>(n));
  close(errPipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  outcome.endedNs = monotonicNowNs();
  outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

}  // namespace

TEST_CASE("stdin closed before START while loading: exit 6 with its reason") {
  ChildOutcome child = runInChild([] {
    requestStop(StopReason::StdinClosed);
    OverdueStopHandler handler;
    handler.handle();
  });
  EXPECT_EQ(child.exitCode, 6);
  EXPECT_TRUE(child.stderrText == "xsched-perf-worker: error: stdin closed before START; no result written\n");
}

TEST_CASE("SIGTERM before START while loading: exit 10 with its reason") {
  ChildOutcome child = runInChild([] {
    requestStop(StopReason::Sigterm);
    OverdueStopHandler handler;
    handler.handle();
  });
  EXPECT_EQ(child.exitCode, 10);
  EXPECT_TRUE(child.stderrText == "xsched-perf-worker: error: SIGTERM received before START; no result written\n");
}

TEST_CASE("a stop during a forward pass that never returns: partial result and exit 10 within 1 s") {
  testing::TempDir dir("xsp-overdue");
  std::string resultPath = dir.file("result.json");
  // CLOCK_MONOTONIC is shared with the child: the parent knows the stop instant.
  const int64_t start = monotonicNowNs() + 300 * kMs;  // lead for a busy machine
  const int64_t stopNs = start + 100 * kMs;             // two iterations done, the third blocking
  ChildOutcome child = runInChild([&] {
    int input[2];
    if (pipe(input) != 0) _exit(98);
    SessionSetup setup;
    setup.options.role = Role::Lp;
    setup.options.resultPath = resultPath;
    setup.fingerprint.role = Role::Lp;
    int forwards = 0;
    // The third forward pass blocks like a GPU call that takes a minute.
    setup.runForward = [&forwards] { sleepUntilNs(monotonicNowNs() + (++forwards < 3 ? 5 * kMs : 60'000 * kMs), nullptr); };
    setup.stopReason = [] { return stopReason(); };
    setup.emitLine = [](const std::string&) {};
    setup.progressPeriodNs = 5000 * kMs;
    auto session = std::make_shared<WorkerSession>(setup);
    OverdueStopHandler handler;
    handler.attach(session);
    StopWatchdog watchdog(kWorkerStopGraceNs, [] { return stopRequested(); }, [&handler] { handler.handle(); });
    StdinWatcher watcher(input[0], nullptr);
    std::string line = "START " + std::to_string(start) + " " + std::to_string(start + 60'000 * kMs) + "\n";
    if (write(input[1], line.data(), line.size()) < 0) _exit(97);
    std::thread stopper([stopNs] {
      sleepUntilNs(stopNs, nullptr);
      requestStop(StopReason::Sigterm);
    });
    stopper.detach();
    session->run(watcher);  // blocks in the third forward pass until the watchdog ends the process
  });
  EXPECT_EQ(child.exitCode, 10);
  EXPECT_TRUE(child.endedNs - stopNs < 1000 * kMs);  // the protocol's promise: out within 1 s
  std::string json = testing::readFile(resultPath);
  EXPECT_TRUE(json.find(R"("partial":true,"partialReason":"SIGTERM received )") != std::string::npos);
  EXPECT_TRUE(json.find(R"("iterations":[[)") != std::string::npos);
}

TEST_CASE("a stop after the result was written leaves the exit to the main thread") {
  testing::TempDir dir("xsp-overdue");
  std::string resultPath = dir.file("result.json");
  ChildOutcome child = runInChild([&] {
    int input[2];
    if (pipe(input) != 0) _exit(98);
    SessionSetup setup;
    setup.options.role = Role::Lp;
    setup.options.resultPath = resultPath;
    setup.runForward = [] { sleepUntilNs(monotonicNowNs() + 5 * kMs, nullptr); };
    setup.stopReason = [] { return stopReason(); };
    setup.emitLine = [](const std::string&) {};
    setup.progressPeriodNs = 5000 * kMs;
    auto session = std::make_shared<WorkerSession>(setup);
    OverdueStopHandler handler;
    handler.attach(session);
    StdinWatcher watcher(input[0], nullptr);
    int64_t start = monotonicNowNs() + 300 * kMs;
    std::string line = "START " + std::to_string(start) + " " + std::to_string(start + 30 * kMs) + "\n";
    if (write(input[1], line.data(), line.size()) < 0) _exit(97);
    if (session->run(watcher) != ExitCode::Ok) _exit(96);
    requestStop(StopReason::Sigterm);  // arrives while the worker tears down
    handler.handle();                  // must return: the result is written, the exit is main's
  });
  EXPECT_EQ(child.exitCode, 99);  // runInChild's "the handler did not end the process"
  EXPECT_TRUE(child.stderrText.empty());
  EXPECT_TRUE(testing::readFile(resultPath).find(R"("partial":false)") != std::string::npos);
}

XSP_TEST_MAIN()
