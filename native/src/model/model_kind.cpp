#include "model_kind.hpp"

namespace xsp {

bool parseModelKind(const std::string& name, ModelKind* out) {
  if (name == "resnet18") {
    *out = ModelKind::ResNet18;
    return true;
  }
  if (name == "resnet50") {
    *out = ModelKind::ResNet50;
    return true;
  }
  return false;
}

const char* modelName(ModelKind kind) {
  switch (kind) {
    case ModelKind::ResNet18: return "resnet18";
    case ModelKind::ResNet50: return "resnet50";
  }
  return "unknown";
}

}  // namespace xsp
