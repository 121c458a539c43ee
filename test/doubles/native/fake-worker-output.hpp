// The worker TEST DOUBLE's output (fake-worker.cpp): whole unbuffered writes, its stderr log, its error exits.

#pragma once

#include "js-semantics.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// Unbuffered writes: the parent reads stdout line by line through a pipe, so each protocol line
// must reach it whole and at once (node's stdout to a pipe is synchronous too).
bool write_all(int fd, const std::string& text) {
  for (size_t done = 0; done < text.size();) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

void err(const std::string& text) { write_all(2, text); }
void log(const std::string& line) { err("fake-worker (test double): " + line + "\n"); }

// node turns a failed stdout write into an error event that ends the process (exit 1) once the
// current callback returns: a callback that exits first (DONE) still exits with its own code.
bool stdout_failed = false;
void out(const std::string& text) {
  if (!write_all(1, text)) stdout_failed = true;
}

// A failing system call is a broken environment or a bug, like the script's uncaught
// exceptions: exit 1 (internal error, docs/protocol.md) with a line naming the call.
[[noreturn]] void sys_fail(const std::string& call) {
  err("xsched-perf-worker: error: " + call + " failed: " + std::strerror(errno) + "\n");
  std::exit(1);
}
#define SYS_CHECK(ok, call) ((ok) ? (void)0 : sys_fail(call))

/** The error line, then process.exit(code), which node refuses for a code that is not a safe integer (exit 1). */
[[noreturn]] void fail(double code, const std::string& reason) {
  err("xsched-perf-worker: error: " + reason + "\n");
  std::string refused = js::exit_code_error(code);
  if (!refused.empty()) err(refused + "\n"), std::exit(1);
  std::exit(static_cast<int>(js::to_uint32(code) & 0xff));
}

}  // namespace
