// CU masks for the AMD lp reference arm: built from a percentage, validated against the
// GPU's CU count (hipDeviceProp_t.multiProcessorCount), as text for the fingerprint.
#include <stdexcept>
#include <string>
#include <vector>

#include "testing.hpp"
#include "worker/cu_mask.hpp"

using namespace xsp;

TEST_CASE("a percentage enables the first ceil(count * percent / 100) CUs") {
  EXPECT_TRUE(cuMaskText(cuMaskForPercent(50, 104)) == std::string("0xffffffff,0x000fffff,0x00000000,0x00000000"));
  EXPECT_EQ(cuMaskCount(cuMaskForPercent(50, 104)), 52);
  EXPECT_EQ(cuMaskCount(cuMaskForPercent(70, 110)), 77);
  // The suite rebuilds this mask to check the arm (test/unit/arms/cu-mask-reference-arm.test.ts).
  EXPECT_TRUE(cuMaskText(cuMaskForPercent(75, 110)) == std::string("0xffffffff,0xffffffff,0x0007ffff,0x00000000"));
  EXPECT_EQ(cuMaskCount(cuMaskForPercent(100, 104)), 104);
  EXPECT_EQ(cuMaskCount(cuMaskForPercent(1, 60)), 1);
  EXPECT_EQ(cuMaskForPercent(30, 32).size(), static_cast<size_t>(1));
}

TEST_CASE("every mask built for a GPU fits it") {
  for (int count : {1, 31, 32, 33, 60, 104, 110, 120, 304}) {
    for (int percent : {1, 25, 50, 70, 99, 100}) EXPECT_TRUE(cuMaskProblem(cuMaskForPercent(percent, count), count) == std::string());
  }
}

TEST_CASE("bad percentages and CU counts are refused, quoting the value") {
  bool threw = false;
  try {
    cuMaskForPercent(0, 104);
  } catch (const std::invalid_argument& e) {
    threw = std::string(e.what()) == "CU percent must be 1..100, got 0";
  }
  EXPECT_TRUE(threw);
  threw = false;
  try {
    cuMaskForPercent(50, 0);
  } catch (const std::invalid_argument& e) {
    threw = std::string(e.what()) == "CU count must be >= 1, got 0";
  }
  EXPECT_TRUE(threw);
}

TEST_CASE("a mask of the wrong size, past the last CU or empty is named") {
  EXPECT_TRUE(cuMaskProblem({0xffffffffu}, 104) == std::string("mask 0xffffffff has 1 words; 104 CUs need 4"));
  EXPECT_TRUE(cuMaskProblem({0u, 0u, 0u, 0x100u}, 104) == std::string("mask 0x00000000,0x00000000,0x00000000,0x00000100 enables CUs past the last of 104"));
  EXPECT_TRUE(cuMaskProblem({0u, 0u, 0u, 0x80u}, 104) == std::string());
  EXPECT_TRUE(cuMaskProblem({0u, 0u}, 60) == std::string("mask 0x00000000,0x00000000 enables no CU"));
}

XSP_TEST_MAIN()
