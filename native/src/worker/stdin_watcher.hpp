// Reads the suite's stdin on its own thread: the first line is the START line;
// end of file at any time is a stop request (docs/protocol.md).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace xsp {

class StdinWatcher {
 public:
  // Starts a detached reader of fd; onClosed() runs on that thread at end of
  // file or a read error. The reader's state is shared, so it outlives this object.
  StdinWatcher(int fd, std::function<void()> onClosed);

  // The first line (without '\n'), or nullopt when the input closed first or
  // stopRequested() became true while waiting (checked every 20 ms).
  std::optional<std::string> waitForFirstLine(const std::function<bool()>& stopRequested);

  bool closed() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace xsp
