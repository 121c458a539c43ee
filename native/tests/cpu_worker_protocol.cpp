// The stdin side of the protocol (START line, end of file), stops before START,
// and the atomic result write (docs/protocol.md, steps 3 and 5, exit codes 6, 8, 10).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <string>

#include "testing.hpp"
#include "worker/atomic_file.hpp"
#include "worker/exit_codes.hpp"
#include "worker/start_line.hpp"
#include "worker/stdin_watcher.hpp"
#include "worker/stop_request.hpp"
#include "worker/worker_session.hpp"
#include "worker_fixtures.hpp"

using namespace xsp;

namespace {

}  // namespace

TEST_CASE("a START line gives the two instants; a trailing CR is ignored") {
  StartInstants s = parseStartLine("START 123456789000000 123516789000000");
  EXPECT_EQ(s.startNs, 123456789000000);
  EXPECT_EQ(s.endNs, 123516789000000);
  EXPECT_EQ(parseStartLine("START 1 2\r").endNs, 2);
}

TEST_CASE("a malformed START line is exit 6 and quotes the line") {
  EXPECT_ERROR([] { parseStartLine("GO 1 2"); }, ExitCode::ProtocolError, "malformed START line 'GO 1 2': it does not begin with START");
  EXPECT_ERROR([] { parseStartLine("START 12"); }, ExitCode::ProtocolError, "it has no end instant");
  EXPECT_ERROR([] { parseStartLine("START -1 5"); }, ExitCode::ProtocolError, "the start instant is not a decimal integer");
  EXPECT_ERROR([] { parseStartLine("START 1 2 3"); }, ExitCode::ProtocolError, "the end instant is not a decimal integer");
  EXPECT_ERROR([] { parseStartLine("START 5 5"); }, ExitCode::ProtocolError, "the end instant is not after the start instant");
  EXPECT_ERROR([] { parseStartLine("START 99999999999999999999 1"); }, ExitCode::ProtocolError, "the start instant is not a decimal integer");
}

TEST_CASE("a start instant already passed is exit 6 (late); one still ahead is fine") {
  StartInstants s{1'000'000'000, 2'000'000'000};
  EXPECT_ERROR([&] { checkStartNotPassed(s, 1'250'000'000); }, ExitCode::ProtocolError,
               "late: the start instant 1000000000 had passed 250.000000 ms before START arrived");
  checkStartNotPassed(s, 999'999'999);
  checkStartNotPassed(s, 1'000'000'000);
}

TEST_CASE("the stdin watcher returns the first line and reports end of file") {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  std::atomic<int> closedCalls{0};
  StdinWatcher watcher(fds[0], [&] { ++closedCalls; });
  const std::string input = "START 10 20\nignored later line\n";
  EXPECT_EQ(write(fds[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
  auto line = watcher.waitForFirstLine(nullptr);
  EXPECT_TRUE(line && *line == "START 10 20");
  EXPECT_TRUE(!watcher.closed());
  close(fds[1]);
  for (int i = 0; i < 200 && closedCalls == 0; ++i) usleep(5000);
  EXPECT_EQ(closedCalls.load(), 1);
  EXPECT_TRUE(watcher.closed());
  close(fds[0]);
}

TEST_CASE("end of file before a full line, or a stop, ends the wait without a line") {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  StdinWatcher watcher(fds[0], nullptr);
  EXPECT_EQ(write(fds[1], "STA", 3), 3);
  close(fds[1]);
  EXPECT_TRUE(!watcher.waitForFirstLine(nullptr));
  EXPECT_TRUE(watcher.closed());
  close(fds[0]);

  int quiet[2];
  EXPECT_EQ(pipe(quiet), 0);
  StdinWatcher waiting(quiet[0], nullptr);
  EXPECT_TRUE(!waiting.waitForFirstLine([] { return true; }));
  EXPECT_TRUE(!waiting.closed());
  close(quiet[1]);
  close(quiet[0]);
}

TEST_CASE("a stop before START: stdin closing is exit 6, a signal is exit 10") {
  EXPECT_EQ(exitStatus(stopBeforeStartError(StopReason::StdinClosed).code()), 6);
  EXPECT_TRUE(std::string(stopBeforeStartError(StopReason::StdinClosed).what()) == "stdin closed before START; no result written");
  EXPECT_EQ(exitStatus(stopBeforeStartError(StopReason::Sigterm).code()), 10);
  EXPECT_TRUE(std::string(stopBeforeStartError(StopReason::Sigint).what()) == "SIGINT received before START; no result written");
}

TEST_CASE("the result file is written whole, replacing an old one, with no temporary left") {
  testing::TempDir dir("xsp-protocol");
  std::string path = dir.file("result.json");
  writeFileAtomically(path, "old");
  writeFileAtomically(path, "{\"new\":true}\n");
  EXPECT_TRUE(testing::readFile(path) == "{\"new\":true}\n");
  EXPECT_TRUE(access((path + ".tmp." + std::to_string(getpid())).c_str(), F_OK) != 0);
}

TEST_CASE("a result that cannot be written is exit 8 and names the path and the cause") {
  EXPECT_ERROR([] { writeFileAtomically("/nonexistent-dir/xsp/result.json", "{}"); }, ExitCode::ResultWriteFailed,
               "cannot write result file /nonexistent-dir/xsp/result.json: open /nonexistent-dir/xsp/result.json.tmp.");
  EXPECT_ERROR([] { writeFileAtomically("/nonexistent-dir/xsp/result.json", "{}"); }, ExitCode::ResultWriteFailed,
               "No such file or directory");
}

XSP_TEST_MAIN()

TEST_CASE("a worker whose parent died before PR_SET_PDEATHSIG took effect says so; a live parent passes") {
  EXPECT_TRUE(describeParentChange("4242", 4242).empty());
  EXPECT_TRUE(describeParentChange("4242", 1).find("XSP_PARENT_PID=4242") != std::string::npos);
  EXPECT_TRUE(describeParentChange("4242", 77).find("now pid 77") != std::string::npos);
  EXPECT_TRUE(describeParentChange(nullptr, 4242).empty());
  EXPECT_TRUE(describeParentChange(nullptr, 1).find("adopted by pid 1") != std::string::npos);
  EXPECT_TRUE(describeParentChange("not-a-pid", 1).empty());
}
