// Fixtures shared by the worker tests: a temporary directory removed with whatever
// a test (or a failed one) left in it, reading a file whole, and EXPECT_ERROR, which
// checks a WorkerError's exit code and a fragment of its message.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <system_error>

#include "testing.hpp"
#include "worker/exit_codes.hpp"

namespace xsp::testing {

class TempDir {
 public:
  // mkdtemp under /tmp: "<prefix>-XXXXXX".
  explicit TempDir(const std::string& prefix) {
    std::string pattern = "/tmp/" + prefix + "-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror(("mkdtemp " + pattern).c_str());
      std::abort();
    }
    path_ = pattern;
  }
  // A forked child that ends with _exit never runs this, so only the parent removes it.
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// The whole file; empty when it cannot be opened (the assertion on the text then fails).
inline std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void expectError(const char* file, int line, const std::function<void()>& f, ExitCode code, const std::string& fragment) {
  try {
    f();
    fail(file, line, "no error thrown");
  } catch (const WorkerError& e) {
    if (e.code() != code) fail(file, line, "exit code " + std::to_string(exitStatus(e.code())));
    if (std::string(e.what()).find(fragment) == std::string::npos) {
      fail(file, line, "message '" + std::string(e.what()) + "' lacks '" + fragment + "'");
    }
  }
}

}  // namespace xsp::testing

#define EXPECT_ERROR(f, code, fragment) ::xsp::testing::expectError(__FILE__, __LINE__, f, code, fragment)
