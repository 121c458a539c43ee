#include "worker/stream_priority.hpp"

namespace xsp {

int pickStreamPriorityValue(StreamPriorityKind kind, int leastPriority, int greatestPriority) {
  return kind == StreamPriorityKind::High ? greatestPriority : leastPriority;
}

}  // namespace xsp
