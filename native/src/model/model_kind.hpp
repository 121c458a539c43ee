// Which network a worker runs. Host-only (no GPU headers), so the architecture
// description and the CPU tests can use it; network.hpp re-exports it.
#pragma once

#include <string>

namespace xsp {

enum class ModelKind { ResNet18, ResNet50 };

// "resnet18" / "resnet50" -> kind; returns false for anything else.
bool parseModelKind(const std::string& name, ModelKind* out);
const char* modelName(ModelKind kind);

}  // namespace xsp
