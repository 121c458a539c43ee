// TEST DOUBLE of xsched-perf-worker: it follows docs/protocol.md (same options, stdout
// lines, result file, exit codes, SIGTERM/stdin-EOF handling) but uses no GPU. Its
// fingerprint says "fake" everywhere, and its records are derived from its options and
// seed, not measured: it only waits in real time until the end instant.
// Compiled, not a node script: the unit tests start it about 60 times a run, and a node start is
// 0.10-0.15 s of CPU on a 2-core machine where this program takes a few milliseconds
// (test/doubles/compiled.ts builds it). It behaves as a node program would, which the tests'
// expectations were written against: options are read as node's util.parseArgs (strict) reads
// them, timers follow node's setTimeout, and numbers are JavaScript's (js-semantics.hpp).
//
// Behaviour knobs (environment):
//   FAKE_WORKER_MODE            ok (default) | crash | hang | never-ready | late | bad-ready |
//                               bad-result | slow-ready | exit-nonzero | no-gpu
//   FAKE_WORKER_HP_LATENCY_MS   hp service time per request (default 2.4)
//   FAKE_WORKER_LP_ITER_MS      lp time per iteration (default 30)
//   FAKE_WORKER_READY_DELAY_MS  delay before READY (default 0; 1000 in slow-ready mode)
//   FAKE_WORKER_PROGRESS_MS     PROGRESS period (default 5000, as the protocol's "at most every 5 s")
//   FAKE_WORKER_EXIT_CODE       exit code of exit-nonzero mode (default 5)
//   FAKE_WORKER_PLATFORM        cuda (default) | hip-amd
//   FAKE_WORKER_XSCHED_LIBS     comma-separated paths to report as mapped XSched libraries
// hang mode ignores SIGTERM and stdin EOF after START, like a process stuck in a driver call.

// Its headers lie beside it; each is included here directly, as compiled.ts hashes only the
// headers the .cpp itself includes.
#include "js-semantics.hpp"
#include "fake-worker-options.hpp"
#include "fake-worker-output.hpp"
#include "fake-worker-records.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <functional>
#include <optional>
#include <vector>

namespace {

using Ns = __int128;  // START instants are BigInts in the script: differences must not overflow

const std::vector<std::string> kModes = {"ok", "crash", "hang", "never-ready", "late", "bad-ready", "bad-result", "slow-ready", "exit-nonzero", "no-gpu"};
std::string mode;

Ns now_ns() {
  timespec now{};
  SYS_CHECK(clock_gettime(CLOCK_MONOTONIC, &now) == 0, "clock_gettime(CLOCK_MONOTONIC)");
  return static_cast<Ns>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

/** The READY/--probe fingerprint; a probe's has no role and no stream. */
std::string fingerprint(bool with_uuid) {
  char host[256] = {};
  SYS_CHECK(gethostname(host, sizeof host - 1) == 0, "gethostname");
  const char* platform = std::getenv("FAKE_WORKER_PLATFORM");
  std::string libs, listed = std::getenv("FAKE_WORKER_XSCHED_LIBS") != nullptr ? std::getenv("FAKE_WORKER_XSCHED_LIBS") : "";
  for (size_t from = 0, comma; from <= listed.size(); from = comma + 1) {
    comma = std::min(listed.find(',', from), listed.size());
    if (comma > from) libs += (libs.empty() ? "" : ",") + js::quote(listed.substr(from, comma - from));
  }
  std::string json = "{\"schemaVersion\":1,\"workerVersion\":\"0.1.0-fake\",\"pid\":" + std::to_string(getpid()) + ",\"hostname\":" + js::quote(host);
  if (!opts.probe) json += ",\"role\":" + js::quote(opts.role);
  json += ",\"platform\":" + js::quote(platform != nullptr ? platform : "cuda") + ",\"gpu\":{\"index\":" + js::number(opts.gpu) +
          ",\"name\":\"Fake GPU (test double, no GPU used)\",\"arch\":\"fake\"" + (with_uuid ? ",\"uuid\":\"GPU-fake-0000\"" : "") +
          ",\"pciBusId\":\"0000:00:00.0\",\"memoryTotalBytes\":8589934592,\"multiprocessorCount\":1},\"runtimeVersion\":\"fake\","
          "\"driverVersion\":\"fake\",\"xschedLibraries\":[" + libs + "],\"mps\":{\"client\":false,\"source\":\"fake worker: no GPU runtime\",\"pipeDirectory\":null}";
  if (!opts.probe) {
    json += ",\"stream\":{\"priority\":" + js::quote(opts.stream_priority) + ",\"value\":" + (opts.stream_priority == "high" ? "-5" : "0") +
            ",\"leastPriority\":0,\"greatestPriority\":-5}";
  }
  return json + ",\"clock\":\"CLOCK_MONOTONIC\"}";
}

struct Instant {
  Ns ns;  // saturated at 10^37: such an instant is never reached
  std::string text;  // String(BigInt): the digits without leading zeros
};
Instant start_at, end_at;

template <size_t N>
std::string json_rows(const std::vector<std::array<double, N>>& rows) {
  std::string json;
  for (const auto& row : rows) {
    json += json.empty() ? "[[" : ",[";
    for (size_t i = 0; i < N; ++i) json += (i == 0 ? "" : ",") + js::json_number(row[i]);
    json += "]";
  }
  return json.empty() ? "[]" : json + "]";
}

/** The result file, written whole to a temporary file and renamed: a reader never sees half of it. */
void write_result(const std::optional<std::string>& partial_reason) {
  double until_ns = partial_reason ? static_cast<double>(now_ns() - start_at.ns) : INFINITY;
  bool lp = opts.role == "lp";
  std::string json = std::string("{\"schema\":\"xsched-perf.worker-result\",") + (mode == "bad-result" ? "" : "\"schemaVersion\":1,") +
                     "\"options\":{\"role\":" + js::quote(opts.role) + ",\"gpuIndex\":" + js::number(opts.gpu) +
                     (lp ? "" : ",\"rateHz\":" + js::json_number(opts.rate_hz)) + ",\"model\":" + js::quote(opts.model) +
                     ",\"batch\":" + js::json_number(opts.batch) + ",\"imageSize\":" + js::json_number(opts.image_size) + ",\"seed\":" + js::json_number(opts.seed) +
                     ",\"durationMs\":" + js::json_number(opts.duration_ms) + (lp ? "" : ",\"arrival\":" + js::quote(opts.arrival)) +
                     ",\"streamPriority\":" + js::quote(opts.stream_priority) + ",\"warmupIterations\":" + js::json_number(opts.warmup) +
                     ",\"injectDelayUs\":" + js::json_number(opts.inject_delay_us) + "},\"fingerprint\":" + fingerprint(true) +
                     ",\"startNs\":" + js::quote(start_at.text) + ",\"endNs\":" + js::quote(end_at.text) + ",\"partial\":" + (partial_reason ? "true" : "false") +
                     ",\"partialReason\":" + (partial_reason ? js::quote(*partial_reason) : "null");
  Records records = derive_records(until_ns);
  json += lp ? ",\"iterations\":" + json_rows(records.iterations) : ",\"requests\":" + json_rows(records.requests) + ",\"unstartedRequests\":" + js::number(records.unstarted);
  double mean_ms = lp ? number_knob("FAKE_WORKER_LP_ITER_MS", 30) : number_knob("FAKE_WORKER_HP_LATENCY_MS", 2.4);
  json += ",\"warmup\":{\"iterations\":" + js::json_number(opts.warmup) + ",\"meanMs\":" + js::json_number(mean_ms) + "}}";
  std::string temporary = opts.result + ".tmp-" + std::to_string(getpid());
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  SYS_CHECK(fd >= 0, "open(" + js::quote(temporary) + ")");
  SYS_CHECK(write_all(fd, json), "write(" + js::quote(temporary) + ")");
  SYS_CHECK(close(fd) == 0, "close(" + js::quote(temporary) + ")");
  SYS_CHECK(rename(temporary.c_str(), opts.result.c_str()) == 0, "rename(" + js::quote(temporary) + ", " + js::quote(opts.result) + ")");
}

// The event loop: node's timers (setTimeout's delay rules), stdin read as lines, and
// SIGTERM/SIGINT through a signalfd, so every handler runs between events as in node.
struct Timer {
  Ns due, period;  // period 0: once
  std::function<void()> run;
};
std::vector<Timer> timers;  // in creation order: of timers due together, the oldest runs first

void set_timer(double ms, std::function<void()> run, bool repeat) {
  static bool hinted = false;
  if (ms > 2147483647) {
    err("(node:" + std::to_string(getpid()) + ") TimeoutOverflowWarning: " + js::number(ms) + " does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.\n");
    if (!hinted) err("(Use `node --trace-warnings ...` to show where the warning was created)\n"), hinted = true;
  }
  Ns delay = static_cast<Ns>(ms >= 1 && ms <= 2147483647 ? std::trunc(ms) : 1) * 1000000;
  timers.push_back({now_ns() + delay, repeat ? delay : 0, std::move(run)});
}

enum class State { loading, ready, starting, measuring } state = State::loading;

void stop(const std::string& why, bool eof_before_start) {
  if (mode == "hang" && state == State::measuring) return log("hang mode: ignoring " + why);
  if (state == State::measuring) write_result("stopped by " + why), std::exit(10);
  if (eof_before_start) fail(6, "stdin closed before START");
  std::exit(10);
}

void report_progress() {
  Records records = derive_records(std::max(0.0, static_cast<double>(now_ns() - start_at.ns)));
  // hp: the running nearest-rank P99 field of docs/protocol.md, from the double's own derived requests.
  std::vector<double> latencies;
  for (const auto& request : records.requests) latencies.push_back(request[2] - request[0]);
  std::sort(latencies.begin(), latencies.end());
  std::string p99;
  if (!latencies.empty()) {
    double rank = std::max(1.0, std::ceil(0.99 * static_cast<double>(latencies.size()) - 1e-9));
    p99 = " p99Us=" + js::number(std::floor(latencies[static_cast<size_t>(rank) - 1] / 1000));
  }
  out("PROGRESS " + std::to_string(opts.role == "lp" ? records.iterations.size() : records.requests.size()) + p99 + "\n");
}

void measure() {
  state = State::measuring;
  double window_ms = std::max(0.0, static_cast<double>(end_at.ns - now_ns()) / 1e6);
  log("measuring for " + js::to_fixed0(window_ms) + " ms");
  set_timer(number_knob("FAKE_WORKER_PROGRESS_MS", 5000), report_progress, true);
  if (mode == "crash") {
    return set_timer(window_ms / 2, [] { fail(7, "fake.cpp:1: hipStreamSynchronize failed: hipErrorIllegalAddress (simulated by the test double)"); }, false);
  }
  if (mode == "hang") return;  // the loop only ends on SIGKILL now
  set_timer(window_ms, [] {
    write_result(std::nullopt);
    out("DONE " + opts.result + "\n");
    std::exit(0);
  }, false);
}

void check_start() {
  Ns late_ns = now_ns() - start_at.ns;
  if (late_ns > 0) fail(6, "start instant already passed (" + js::number(static_cast<double>(late_ns) / 1e6) + " ms late)");
  measure();
}

/** /^([0-9]+)/ at the front of `s`, consumed, as an Instant; nullopt without a digit. */
std::optional<Instant> take_instant(std::string_view& s) {
  size_t n = std::min(s.find_first_not_of("0123456789"), s.size());
  if (n == 0) return std::nullopt;
  size_t first = std::min(s.find_first_not_of('0'), n - 1);
  Instant instant{0, std::string(s.substr(first, n - first))};
  for (char c : instant.text) instant.ns = std::min<Ns>(instant.ns * 10 + (c - '0'), static_cast<Ns>(1e37));
  s.remove_prefix(n);
  return instant;
}

void on_line(const std::string& line) {
  if (state != State::ready) return;
  std::string_view rest = js::trim(line);  // /^START ([0-9]+) ([0-9]+)$/ on line.trim()
  std::optional<Instant> start, end;
  bool matched = rest.substr(0, 6) == "START " && (rest.remove_prefix(6), start = take_instant(rest)) && rest.substr(0, 1) == " " &&
                 (rest.remove_prefix(1), end = take_instant(rest)) && rest.empty();
  auto before = [](const Instant& a, const Instant& b) { return a.text.size() != b.text.size() ? a.text.size() < b.text.size() : a.text < b.text; };
  if (!matched || !before(*start, *end)) fail(6, "malformed START line: \"" + line + "\"");
  start_at = *start;
  end_at = *end;
  state = State::starting;
  // late mode: handle START only after its instant, as a stalled worker would.
  if (mode == "late") set_timer(static_cast<double>(start_at.ns - now_ns()) / 1e6 + 50, check_start, false);
  else check_start();
}

[[noreturn]] void run() {
  sigset_t stops;
  sigemptyset(&stops);
  for (int signal_number : {SIGTERM, SIGINT}) {
    sigaddset(&stops, signal_number);
    SYS_CHECK(signal(signal_number, SIG_DFL) != SIG_ERR, "signal");  // an inherited SIG_IGN would discard them
  }
  SYS_CHECK(sigprocmask(SIG_BLOCK, &stops, nullptr) == 0, "sigprocmask");
  int signals = signalfd(-1, &stops, SFD_CLOEXEC);
  SYS_CHECK(signals >= 0, "signalfd");
  log("role " + opts.role + " model " + opts.model + " batch " + js::number(opts.batch) + " seed " + js::number(opts.seed) + "; no GPU is used");
  if (mode == "exit-nonzero") fail(number_knob("FAKE_WORKER_EXIT_CODE", 5), "not enough GPU memory (simulated by the test double)");
  if (mode == "never-ready") log("never-ready mode: not printing READY");
  else {
    set_timer(number_knob("FAKE_WORKER_READY_DELAY_MS", mode == "slow-ready" ? 1000 : 0), [] {
      std::string ready = fingerprint(mode != "bad-ready");
      state = State::ready;
      out("READY " + ready + "\n");
    }, false);
  }
  bool stdin_open = true;
  js::LineReader lines;
  for (;;) {
    if (stdout_failed) errno = EPIPE, sys_fail("write(stdout)");
    Ns now = now_ns();
    auto next = std::min_element(timers.begin(), timers.end(), [](const Timer& a, const Timer& b) { return a.due < b.due; });
    if (next != timers.end() && next->due <= now) {
      std::function<void()> due = next->run;
      if (next->period > 0) next->due = now + next->period;
      else timers.erase(next);
      due();
      continue;
    }
    int timeout_ms = next == timers.end() ? -1 : static_cast<int>((next->due - now + 999999) / 1000000);
    pollfd fds[2] = {{signals, POLLIN, 0}, {stdin_open ? 0 : -1, POLLIN, 0}};
    int ready = poll(fds, 2, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    SYS_CHECK(ready >= 0, "poll");
    if ((fds[0].revents & POLLIN) != 0) {
      signalfd_siginfo info{};
      SYS_CHECK(read(signals, &info, sizeof info) == sizeof info, "read(signalfd)");
      stop(info.ssi_signo == SIGTERM ? "SIGTERM" : "SIGINT", false);
    } else if (fds[1].revents != 0) {
      char chunk[4096];
      ssize_t n = read(0, chunk, sizeof chunk);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      SYS_CHECK(n >= 0, "read(stdin)");
      lines.feed(chunk, static_cast<size_t>(n), on_line);
      if (n == 0) {
        stdin_open = false;
        stop("stdin EOF", state == State::loading || state == State::ready);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  // As node does: closed standard descriptors become /dev/null, and a closed stdout is a write error.
  for (int fd = 0; fd < 3; ++fd) {
    if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) SYS_CHECK(open("/dev/null", O_RDWR) == fd, "open(\"/dev/null\")");
  }
  SYS_CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR, "signal(SIGPIPE)");
  const char* chosen = std::getenv("FAKE_WORKER_MODE");
  mode = chosen != nullptr ? chosen : "ok";
  if (!js::includes(kModes, mode)) fail(2, "FAKE_WORKER_MODE=" + js::quote(mode) + " is not one of " + js::join(kModes, ", "));
  parse_options(argc, argv);
  if (mode == "no-gpu") fail(3, "no GPU visible (simulated by the test double)");
  if (opts.gpu != 0) fail(4, "GPU index " + js::number(opts.gpu) + " out of range (the test double has 1 GPU)");
  if (opts.probe) {
    out(fingerprint(true) + "\n");
    return 0;
  }
  run();
}
