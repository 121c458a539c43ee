// The measurement loops with a fake forward pass (a sleep), the PROGRESS ticker
// and the stop watchdog. Timing checks compare with wide margins: the CI
// machine is shared, so only lower bounds and ratios are asserted.
#include <atomic>
#include <string>
#include <vector>

#include "testing.hpp"
#include "worker/arrival_schedule.hpp"
#include "worker/measurement_loops.hpp"
#include "worker/monotonic_clock.hpp"
#include "worker/progress_ticker.hpp"
#include "worker/stop_watchdog.hpp"

using namespace xsp;

namespace {

constexpr int64_t kMs = 1'000'000;

std::function<void()> fakeForward(int64_t durationNs) {
  return [durationNs] { sleepUntilNs(monotonicNowNs() + durationNs, nullptr); };
}

MeasurementWindow windowFromNow(int64_t leadNs, int64_t lengthNs, int64_t drainNs) {
  int64_t start = monotonicNowNs() + leadNs;
  return {start, start + lengthNs, drainNs};
}

}  // namespace

TEST_CASE("hp keeps the schedule: no request starts before its time, each is recorded") {
  std::vector<int64_t> schedule = generateArrivalOffsetsNs(Arrival::Uniform, 100, 200 * kMs, 1);  // 20 x 10 ms
  MeasurementLog log;
  LoopHooks hooks{fakeForward(1 * kMs), nullptr, nullptr};
  EXPECT_TRUE(runHpOpenLoop(schedule, windowFromNow(5 * kMs, 200 * kMs, 5000 * kMs), 0, hooks, log) == LoopOutcome::Completed);
  MeasurementSnapshot s = log.snapshot();
  EXPECT_EQ(s.requests.size(), 20u);
  for (size_t i = 0; i < s.requests.size(); ++i) {
    EXPECT_EQ(s.requests[i].scheduledNs, schedule[i]);
    EXPECT_TRUE(s.requests[i].startedNs >= s.requests[i].scheduledNs);
    EXPECT_TRUE(s.requests[i].finishedNs - s.requests[i].startedNs >= 1 * kMs);
  }
  EXPECT_EQ(s.unstartedRequests, 0);
}

TEST_CASE("waitUntilNs never returns before its deadline, spins when the spin covers the wait, and stops when asked") {
  for (int i = 0; i < 20; ++i) {
    int64_t deadline = monotonicNowNs() + (i % 2 == 0 ? 2 * kMs : kMs / 10);  // wait longer / shorter than the spin
    EXPECT_TRUE(waitUntilNs(deadline, kMs / 2, nullptr));
    EXPECT_TRUE(monotonicNowNs() >= deadline);
  }
  EXPECT_TRUE(waitUntilNs(monotonicNowNs() - kMs, kMs / 2, nullptr));  // already due
  EXPECT_TRUE(!waitUntilNs(monotonicNowNs() + 60'000 * kMs, kMs / 2, [] { return true; }));
}

TEST_CASE("hp behind schedule skips nothing: queueing shows as growing latency") {
  // 10 requests 10 ms apart, each taking 25 ms: request i finishes near 25 (i + 1) ms,
  // so its latency is about 25 + 15 i ms: 25 ms for the first, 160 ms for the last.
  std::vector<int64_t> schedule = generateArrivalOffsetsNs(Arrival::Uniform, 100, 100 * kMs, 1);
  MeasurementLog log;
  LoopHooks hooks{fakeForward(25 * kMs), nullptr, nullptr};
  runHpOpenLoop(schedule, windowFromNow(5 * kMs, 100 * kMs, 5000 * kMs), 0, hooks, log);
  MeasurementSnapshot s = log.snapshot();
  EXPECT_EQ(s.requests.size(), 10u);
  for (size_t i = 1; i < s.requests.size(); ++i) EXPECT_TRUE(s.requests[i].startedNs >= s.requests[i - 1].finishedNs);
  double firstLatency = static_cast<double>(s.requests.front().finishedNs - s.requests.front().scheduledNs);
  double lastLatency = static_cast<double>(s.requests.back().finishedNs - s.requests.back().scheduledNs);
  EXPECT_TRUE(lastLatency > 3 * firstLatency);  // expected ratio 6.4
}

TEST_CASE("hp counts requests not started by the end plus the drain time as unstarted") {
  // 10 requests 10 ms apart taking 50 ms each, no drain: only those started
  // before the 100 ms end run (at 0, ~50 ms, maybe ~100 ms); the rest are unstarted.
  std::vector<int64_t> schedule = generateArrivalOffsetsNs(Arrival::Uniform, 100, 100 * kMs, 1);
  MeasurementLog log;
  LoopHooks hooks{fakeForward(50 * kMs), nullptr, nullptr};
  runHpOpenLoop(schedule, windowFromNow(5 * kMs, 100 * kMs, 0), 0, hooks, log);
  MeasurementSnapshot s = log.snapshot();
  EXPECT_EQ(static_cast<int64_t>(s.requests.size()) + s.unstartedRequests, 10);
  EXPECT_TRUE(s.unstartedRequests >= 5);
}

TEST_CASE("hp with an injected delay starts each request that much after its time") {
  std::vector<int64_t> schedule = generateArrivalOffsetsNs(Arrival::Uniform, 20, 200 * kMs, 1);  // 4 x 50 ms
  MeasurementLog log;
  LoopHooks hooks{fakeForward(0), nullptr, nullptr};
  runHpOpenLoop(schedule, windowFromNow(5 * kMs, 200 * kMs, 5000 * kMs), 20'000'000, hooks, log);
  MeasurementSnapshot s = log.snapshot();
  EXPECT_EQ(s.requests.size(), 4u);
  for (const auto& r : s.requests) EXPECT_TRUE(r.startedNs - r.scheduledNs >= 20 * kMs);
}

TEST_CASE("hp stops at a stop request, keeping what finished") {
  std::vector<int64_t> schedule = generateArrivalOffsetsNs(Arrival::Uniform, 100, 1000 * kMs, 1);
  MeasurementLog log;
  std::atomic<int> finished{0};
  LoopHooks hooks{fakeForward(0), [&] { return finished >= 3; }, [&](size_t n, int64_t) { finished = static_cast<int>(n); }};
  EXPECT_TRUE(runHpOpenLoop(schedule, windowFromNow(0, 1000 * kMs, 0), 0, hooks, log) == LoopOutcome::Stopped);
  EXPECT_EQ(log.snapshot().requests.size(), 3u);
}

TEST_CASE("lp iterates back to back from the start until the end instant") {
  MeasurementLog log;
  LoopHooks hooks{fakeForward(10 * kMs), nullptr, nullptr};
  MeasurementWindow window = windowFromNow(20 * kMs, 100 * kMs, 0);
  EXPECT_TRUE(runLpBackToBack(window, hooks, log) == LoopOutcome::Completed);
  MeasurementSnapshot s = log.snapshot();
  EXPECT_TRUE(s.iterations.size() >= 5 && s.iterations.size() <= 11);  // 10 at 10 ms each
  EXPECT_TRUE(s.iterations.front().startNs >= 0);  // not before the start instant
  for (const auto& it : s.iterations) EXPECT_TRUE(it.startNs < 100 * kMs && it.endNs - it.startNs >= 10 * kMs);
  EXPECT_TRUE(s.iterations.back().endNs >= 100 * kMs);  // the last one ends after the end instant
  for (size_t i = 1; i < s.iterations.size(); ++i) EXPECT_TRUE(s.iterations[i].startNs >= s.iterations[i - 1].endNs);
}

TEST_CASE("lp stops at a stop request, also while waiting for the start instant") {
  MeasurementLog log;
  LoopHooks stopNow{fakeForward(0), [] { return true; }, nullptr};
  EXPECT_TRUE(runLpBackToBack(windowFromNow(10'000 * kMs, 100 * kMs, 0), stopNow, log) == LoopOutcome::Stopped);
  EXPECT_EQ(log.recordCount(), 0u);
}

TEST_CASE("PROGRESS lines come at most once per period") {
  std::vector<std::string> lines;
  ProgressTicker ticker(1000, 5000, [&](const std::string& line) { lines.push_back(line); });
  ticker.onFinished(1, 3000);  // 2000 after the start: too soon
  ticker.onFinished(2, 6000);  // 5000 after: print
  ticker.onFinished(3, 9000);  // 3000 after the last line: too soon
  ticker.onFinished(4, 11000);
  EXPECT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines.size() == 2 && lines[0] == "PROGRESS 2" && lines[1] == "PROGRESS 4");
}

TEST_CASE("PROGRESS carries the extra fields after the count, asked for only when a line is due") {
  std::vector<std::string> lines;
  int asked = 0;
  ProgressTicker ticker(0, 5000, [&](const std::string& line) { lines.push_back(line); },
                        [&] { ++asked; return std::string("p99Us=42"); });
  ticker.onFinished(1, 1000);
  ticker.onFinished(2, 5000);
  EXPECT_EQ(asked, 1);
  EXPECT_TRUE(lines.size() == 1 && lines[0] == "PROGRESS 2 p99Us=42");
}

TEST_CASE("the hp PROGRESS P99 is the nearest-rank P99 in whole microseconds") {
  std::vector<int64_t> latenciesNs;
  for (int64_t i = 100; i >= 1; --i) latenciesNs.push_back(i * 1'000'000 + 999);  // 1 .. 100 ms (+999 ns), descending
  EXPECT_TRUE(hpProgressFields(latenciesNs) == "p99Us=99000");
  EXPECT_TRUE(hpProgressFields({7'000'000}) == "p99Us=7000");
  EXPECT_TRUE(hpProgressFields({}).empty());
}

TEST_CASE("the watchdog fires once, a grace period after a stop, and never without one") {
  std::atomic<bool> stop{false};
  std::atomic<int> fired{0};
  std::atomic<int64_t> firedAtNs{0};
  {
    StopWatchdog idle(10 * kMs, [] { return false; }, [&] { ++fired; });
    sleepUntilNs(monotonicNowNs() + 60 * kMs, nullptr);
  }
  EXPECT_EQ(fired.load(), 0);
  int64_t stopAtNs = 0;
  {
    StopWatchdog watchdog(50 * kMs, [&] { return stop.load(); }, [&] { ++fired; firedAtNs = monotonicNowNs(); });
    stopAtNs = monotonicNowNs();
    stop = true;
    sleepUntilNs(monotonicNowNs() + 300 * kMs, nullptr);
  }
  EXPECT_EQ(fired.load(), 1);
  EXPECT_TRUE(firedAtNs - stopAtNs >= 50 * kMs);
}

XSP_TEST_MAIN()
