// Finding XSched libraries in /proc/<pid>/maps text (docs/protocol.md, "READY fingerprint").
#include <string>
#include <vector>

#include "testing.hpp"
#include "worker/xsched_libraries.hpp"

using namespace xsp;

namespace {

// Shaped like a real maps file of a HIP process under XSched's shim: each
// library appears once per segment, and other lines must not match.
const char* const kMapsFixture =
    "55d0c0a00000-55d0c0a21000 r--p 00000000 fd:01 1835015                    /opt/perf/xsched-perf-worker\n"
    "55d0c1e2e000-55d0c2b0f000 rw-p 00000000 00:00 0                          [heap]\n"
    "7f1c2a000000-7f1c2a021000 rw-p 00000000 00:00 0 \n"
    "7f1c2b200000-7f1c2b2a1000 r--p 00000000 fd:01 2490391                    /opt/xsched/lib/libshimhip.so\n"
    "7f1c2b2a1000-7f1c2b3c2000 r-xp 000a1000 fd:01 2490391                    /opt/xsched/lib/libshimhip.so\n"
    "7f1c2b400000-7f1c2b45c000 r-xp 00000000 fd:01 2490388                    /opt/xsched/lib/libpreempt.so\n"
    "7f1c2b600000-7f1c2b61a000 r-xp 00000000 fd:01 2490390                    /opt/xsched/lib/libhalhip.so\n"
    "7f1c2b800000-7f1c2c9e1000 r-xp 00000000 fd:01 1572970                    /usr/lib/x86_64-linux-gnu/libamdhip64.so.5.2.50203\n"
    "7f1c2d000000-7f1c2d010000 r-xp 00000000 fd:01 1572971                    /opt/libshim/lib/libfoo.so\n"
    "7f1c2d200000-7f1c2d210000 r-xp 00000000 fd:01 1572972                    /home/a user/xsched build/lib/libxsched_utils.so\n"
    "7f1c2d400000-7f1c2d410000 r-xp 00000000 fd:01 1572973                    /tmp/libhalcuda.so (deleted)\n"
    "7f1c2d600000-7f1c2d610000 r-xp 00000000 fd:01 2490391                    /opt/xsched/lib/libshimhip.so\n"
    "7ffd3b7e1000-7ffd3b802000 rw-p 00000000 00:00 0                          [stack]\n"
    "7ffd3b9d4000-7ffd3b9d6000 r-xp 00000000 00:00 0                          [vdso]\n"
    "7f1c2d800000-7f1c2d810000 r-xp 00000000 fd:01 1572974                    /usr/lib/libhipblas.so";  // no final newline

}  // namespace

TEST_CASE("each XSched library is listed once, in the order first seen") {
  std::vector<std::string> found = findXschedLibraries(kMapsFixture);
  std::vector<std::string> expected = {
      "/opt/xsched/lib/libshimhip.so", "/opt/xsched/lib/libpreempt.so", "/opt/xsched/lib/libhalhip.so",
      "/home/a user/xsched build/lib/libxsched_utils.so",  // spaces in the path survive
      "/tmp/libhalcuda.so (deleted)"};                     // the kernel's suffix is kept as written
  EXPECT_EQ(found.size(), expected.size());
  for (size_t i = 0; i < found.size() && i < expected.size(); ++i) {
    if (found[i] != expected[i]) testing::fail(__FILE__, __LINE__, "entry " + std::to_string(i) + ": " + found[i]);
  }
}

TEST_CASE("only the file name counts: a libshim directory or libhip* file does not match") {
  std::vector<std::string> found = findXschedLibraries(kMapsFixture);
  for (const auto& path : found) {
    EXPECT_TRUE(path != "/opt/libshim/lib/libfoo.so");
    EXPECT_TRUE(path != "/usr/lib/libhipblas.so");
  }
}

TEST_CASE("empty, anonymous-only and truncated text give no libraries") {
  EXPECT_EQ(findXschedLibraries("").size(), 0u);
  EXPECT_EQ(findXschedLibraries("7f1c2a000000-7f1c2a021000 rw-p 00000000 00:00 0\n").size(), 0u);
  EXPECT_EQ(findXschedLibraries("7f1c2a000000-7f1c2a021000 r-xp\n").size(), 0u);
}

TEST_CASE("this test process's own maps read fine and hold no XSched library") {
  std::string maps = readSelfMapsText();
  EXPECT_TRUE(maps.find("cpu_worker_maps") != std::string::npos);
  EXPECT_EQ(findXschedLibraries(maps).size(), 0u);
}

XSP_TEST_MAIN()
