// A minimal test harness for the native tests: EXPECT_* record failures with
// file, line and the expression text; a test binary returns non-zero if any failed.
#pragma once

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace xsp::testing {

struct Case {
  const char* name;
  std::function<void()> body;
};

inline std::vector<Case>& registry() {
  static std::vector<Case> cases;
  return cases;
}
inline int& failures() {
  static int n = 0;
  return n;
}
struct Registrar {
  Registrar(const char* name, std::function<void()> body) { registry().push_back({name, std::move(body)}); }
};

inline void fail(const char* file, int line, const std::string& what) {
  ++failures();
  std::fprintf(stderr, "  FAIL %s:%d: %s\n", file, line, what.c_str());
}

// Runs every registered case; prints one line per case and a closing "N passed, N failed" line.
inline int runAll() {
  int passed = 0, failed = 0;
  for (const auto& c : registry()) {
    int before = failures();
    try {
      c.body();
    } catch (const std::exception& e) {
      fail(c.name, 0, std::string("threw: ") + e.what());
    }
    bool ok = failures() == before;
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", c.name);
    ok ? ++passed : ++failed;
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace xsp::testing

#define XSP_CONCAT2(a, b) a##b
#define XSP_CONCAT(a, b) XSP_CONCAT2(a, b)
#define TEST_CASE(name)                                                                       \
  static void XSP_CONCAT(test_fn_, __LINE__)();                                               \
  static ::xsp::testing::Registrar XSP_CONCAT(test_reg_, __LINE__)(name, XSP_CONCAT(test_fn_, __LINE__)); \
  static void XSP_CONCAT(test_fn_, __LINE__)()

#define EXPECT_TRUE(cond) \
  do { if (!(cond)) ::xsp::testing::fail(__FILE__, __LINE__, "expected true: " #cond); } while (0)
#define EXPECT_EQ(a, b)                                                                              \
  do { if (!((a) == (b))) ::xsp::testing::fail(__FILE__, __LINE__, "expected " #a " == " #b          \
       " (" + std::to_string(a) + " vs " + std::to_string(b) + ")"); } while (0)
#define EXPECT_NEAR(a, b, tol)                                                                       \
  do { double xa_ = (a), xb_ = (b); if (!(std::fabs(xa_ - xb_) <= (tol)))                            \
       ::xsp::testing::fail(__FILE__, __LINE__, "expected " #a " ~ " #b " within " #tol " (" +       \
       std::to_string(xa_) + " vs " + std::to_string(xb_) + ")"); } while (0)

#define XSP_TEST_MAIN() int main() { return ::xsp::testing::runAll(); }
