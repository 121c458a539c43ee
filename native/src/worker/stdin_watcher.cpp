#include "worker/stdin_watcher.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace xsp {

struct StdinWatcher::State {
  std::mutex mutex;
  std::condition_variable changed;
  std::optional<std::string> firstLine;
  bool closed = false;
};

namespace {

void readUntilClosed(int fd, std::shared_ptr<StdinWatcher::State> state, std::function<void()> onClosed) {
  std::string pending;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    std::lock_guard<std::mutex> lock(state->mutex);
    if (state->firstLine) continue;  // later input has no meaning in protocol version 1
    pending.append(buffer, static_cast<size_t>(n));
    size_t newline = pending.find('\n');
    if (newline != std::string::npos) {
      state->firstLine = pending.substr(0, newline);
      state->changed.notify_all();
    }
  }
  {
    std::lock_guard<std::mutex> lock(state->mutex);
    state->closed = true;
    state->changed.notify_all();
  }
  if (onClosed) onClosed();
}

}  // namespace

StdinWatcher::StdinWatcher(int fd, std::function<void()> onClosed) : state_(std::make_shared<State>()) {
  std::thread(readUntilClosed, fd, state_, std::move(onClosed)).detach();
}

std::optional<std::string> StdinWatcher::waitForFirstLine(const std::function<bool()>& stopRequested) {
  std::unique_lock<std::mutex> lock(state_->mutex);
  for (;;) {
    if (state_->firstLine) return state_->firstLine;
    if (state_->closed || (stopRequested && stopRequested())) return std::nullopt;
    state_->changed.wait_for(lock, std::chrono::milliseconds(20));
  }
}

bool StdinWatcher::closed() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->closed;
}

}  // namespace xsp
