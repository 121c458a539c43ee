// Saving a file so that a reader sees either nothing or the whole file:
// write a temporary file beside it, fsync, rename over the target.
#pragma once

#include <string>

namespace xsp {

// Throws WorkerError(ResultWriteFailed) naming the path, the step and errno's text.
void writeFileAtomically(const std::string& path, const std::string& contents);

}  // namespace xsp
