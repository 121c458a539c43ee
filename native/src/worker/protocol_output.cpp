#include "worker/protocol_output.hpp"

#include <cstdio>
#include <mutex>

namespace xsp {
namespace {

std::mutex& outputMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

void configureProtocolStdout() { std::setvbuf(stdout, nullptr, _IOLBF, 0); }

void printProtocolLine(const std::string& line) {
  std::lock_guard<std::mutex> lock(outputMutex());
  std::fputs(line.c_str(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

void printWorkerError(const std::string& reason) {
  std::lock_guard<std::mutex> lock(outputMutex());
  std::fprintf(stderr, "xsched-perf-worker: error: %s\n", reason.c_str());
  std::fflush(stderr);
}

}  // namespace xsp
