#include "worker/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "worker/exit_codes.hpp"

namespace xsp {
namespace {

[[noreturn]] void failWrite(const std::string& path, const std::string& step, int err) {
  throw WorkerError(ExitCode::ResultWriteFailed,
                    "cannot write result file " + path + ": " + step + ": " + std::strerror(err));
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::string& contents) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) failWrite(path, "open " + tmp, errno);
  size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      failWrite(path, "write " + tmp, err);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    failWrite(path, "flush " + tmp, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    failWrite(path, "rename " + tmp, err);
  }
}

}  // namespace xsp
