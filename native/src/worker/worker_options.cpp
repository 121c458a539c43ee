#include "worker/worker_options.hpp"

namespace xsp {

const char* roleName(Role role) { return role == Role::Hp ? "hp" : "lp"; }

const char* arrivalName(Arrival arrival) { return arrival == Arrival::Uniform ? "uniform" : "poisson"; }

const char* streamPriorityName(StreamPriorityKind kind) {
  switch (kind) {
    case StreamPriorityKind::Default: return "default";
    case StreamPriorityKind::High: return "high";
    case StreamPriorityKind::Low: return "low";
  }
  return "default";
}

}  // namespace xsp
