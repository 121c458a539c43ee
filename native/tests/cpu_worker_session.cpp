// A whole worker session without a GPU: READY, START from a pipe, measurement
// with a fake forward pass, the result file and DONE (docs/protocol.md, steps 2-5).
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "testing.hpp"
#include "worker/arrival_schedule.hpp"
#include "worker/monotonic_clock.hpp"
#include "worker/worker_session.hpp"
#include "worker_fixtures.hpp"

using namespace xsp;

namespace {

constexpr int64_t kMs = 1'000'000;
// START is sent before run() begins; the lead covers READY on a busy machine.
constexpr int64_t kLeadNs = 300 * kMs;

struct Harness {
  testing::TempDir dir{"xsp-session"};
  int fds[2];
  std::mutex mutex;
  std::vector<std::string> lines;
  std::atomic<StopReason> stop{StopReason::None};

  Harness() {
    if (pipe(fds) != 0) std::abort();
  }
  ~Harness() { closeInput(); }
  void closeInput() {
    if (fds[1] >= 0) close(fds[1]);
    fds[1] = -1;
  }
  void sendStart(int64_t leadNs, int64_t lengthNs) {
    int64_t start = monotonicNowNs() + leadNs;
    std::string line = "START " + std::to_string(start) + " " + std::to_string(start + lengthNs) + "\n";
    if (write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) std::abort();
  }
  SessionSetup setup(Role role, int64_t forwardNs) {
    SessionSetup s;
    s.options.role = role;
    s.options.rateHz = 50;
    s.options.durationMs = 300;
    s.options.resultPath = dir.file("result.json");
    s.fingerprint.role = role;
    s.fingerprint.platform = "cuda";
    s.scheduleNs = generateArrivalOffsetsNs(Arrival::Uniform, 50, 300 * kMs, 1);  // 15 x 20 ms
    s.warmup = {5, 1.5};
    s.runForward = [forwardNs] { sleepUntilNs(monotonicNowNs() + forwardNs, nullptr); };
    s.stopReason = [this] { return stop.load(); };
    s.emitLine = [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex);
      lines.push_back(line);
    };
    s.progressPeriodNs = 100 * kMs;
    return s;
  }
  std::string result() const { return testing::readFile(dir.file("result.json")); }
};

// How many [..] tuples the array after "key": holds.
int countTuples(const std::string& json, const std::string& key) {
  size_t at = json.find("\"" + key + "\":[");
  if (at == std::string::npos) return -1;
  int depth = 0, tuples = 0;
  for (size_t i = json.find('[', at); i < json.size(); ++i) {
    if (json[i] == '[' && ++depth == 2) ++tuples;
    if (json[i] == ']' && --depth == 0) break;
  }
  return tuples;
}

bool has(const std::string& text, const std::string& fragment) { return text.find(fragment) != std::string::npos; }

}  // namespace

TEST_CASE("hp: READY, then 15 requests at 50 Hz over 300 ms, the result, then DONE") {
  Harness h;
  StdinWatcher input(h.fds[0], nullptr);
  WorkerSession session(h.setup(Role::Hp, 2 * kMs));
  h.sendStart(kLeadNs, 300 * kMs);
  EXPECT_TRUE(session.run(input) == ExitCode::Ok);
  std::string json = h.result();
  EXPECT_EQ(countTuples(json, "requests"), 15);
  EXPECT_TRUE(has(json, R"("schema":"xsched-perf.worker-result","schemaVersion":1,)"));
  EXPECT_TRUE(has(json, R"("partial":false,"partialReason":null)"));
  EXPECT_TRUE(has(json, R"("unstartedRequests":0,"warmup":{"iterations":5,"meanMs":1.5}})"));
  EXPECT_TRUE(json.back() == '\n');
  EXPECT_TRUE(h.lines.size() >= 2 && h.lines.front().rfind("READY {\"schemaVersion\":1,", 0) == 0);
  EXPECT_TRUE(!h.lines.empty() && h.lines.back() == "DONE " + h.dir.file("result.json"));
  int progress = 0;
  for (const auto& line : h.lines) progress += line.rfind("PROGRESS ", 0) == 0 ? 1 : 0;
  EXPECT_TRUE(progress >= 1 && progress <= 3);  // every 100 ms over 300 ms
}

TEST_CASE("lp: iterations from the start to just past the end") {
  Harness h;
  StdinWatcher input(h.fds[0], nullptr);
  WorkerSession session(h.setup(Role::Lp, 20 * kMs));
  h.sendStart(kLeadNs, 200 * kMs);
  EXPECT_TRUE(session.run(input) == ExitCode::Ok);
  std::string json = h.result();
  int iterations = countTuples(json, "iterations");
  EXPECT_TRUE(iterations >= 5 && iterations <= 11);  // 10 expected at 20 ms each
  EXPECT_TRUE(!has(json, "\"requests\""));
}

TEST_CASE("a stop while measuring writes a partial result and returns exit 10") {
  Harness h;
  StdinWatcher input(h.fds[0], nullptr);
  SessionSetup setup = h.setup(Role::Hp, 2 * kMs);
  std::atomic<int> calls{0};
  auto forward = setup.runForward;
  setup.runForward = [&, forward] {
    forward();
    if (++calls == 4) h.stop = StopReason::Sigterm;
  };
  WorkerSession session(setup);
  h.sendStart(kLeadNs, 300 * kMs);
  EXPECT_TRUE(session.run(input) == ExitCode::Stopped);
  std::string json = h.result();
  EXPECT_EQ(countTuples(json, "requests"), 4);
  EXPECT_TRUE(has(json, R"("partial":true,"partialReason":"SIGTERM received )"));
  EXPECT_TRUE(!h.lines.empty() && h.lines.back().rfind("DONE ", 0) == 0);
  // The watchdog arriving after the main thread finished writes nothing more.
  EXPECT_TRUE(!session.writePartialResultIfUnclaimed());
}

TEST_CASE("the watchdog's partial result: only while measuring, only once") {
  Harness h;
  WorkerSession idle(h.setup(Role::Lp, 0));
  EXPECT_TRUE(!idle.writePartialResultIfUnclaimed());  // no START yet: nothing to write
}

TEST_CASE("stdin closing before START is exit 6; a late START is exit 6") {
  Harness closing;
  StdinWatcher closedInput(closing.fds[0], nullptr);
  WorkerSession first(closing.setup(Role::Hp, 0));
  closing.closeInput();
  try {
    first.run(closedInput);
    testing::fail(__FILE__, __LINE__, "no error for stdin closed before START");
  } catch (const WorkerError& e) {
    EXPECT_EQ(exitStatus(e.code()), 6);
  }

  Harness late;
  StdinWatcher lateInput(late.fds[0], nullptr);
  WorkerSession second(late.setup(Role::Hp, 0));
  late.sendStart(-10 * kMs, 100 * kMs);
  try {
    second.run(lateInput);
    testing::fail(__FILE__, __LINE__, "no error for a start instant in the past");
  } catch (const WorkerError& e) {
    EXPECT_EQ(exitStatus(e.code()), 6);
    EXPECT_TRUE(has(e.what(), "late: the start instant"));
  }
  EXPECT_TRUE(late.result().empty());  // nothing written
}

XSP_TEST_MAIN()
