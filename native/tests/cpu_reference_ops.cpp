// The CPU reference on tiny inputs whose answers can be checked by hand, and
// the seeded value generator the GPU and CPU share.
#include <cmath>
#include <limits>
#include <vector>

#include "../src/model/seeded_values.hpp"
#include "../src/reference/reference_ops.hpp"
#include "testing.hpp"

using xsp::reference::ConvSpec;
using xsp::reference::HostTensor;

namespace {

// 3x3 single-channel image holding 1..9 row by row.
HostTensor makeOneToNine() {
  HostTensor t(1, 3, 3, 1);
  for (int i = 0; i < 9; ++i) t.data[i] = static_cast<float>(i + 1);
  return t;
}

}  // namespace

TEST_CASE("conv 1x1 mixes channels through the [c][k] weight, adds bias, applies relu") {
  HostTensor in(1, 1, 1, 2);
  in.data = {1.0f, 2.0f};
  const float weight[] = {1.0f, 2.0f,   // c=0 -> k=0,1
                          3.0f, 4.0f};  // c=1 -> k=0,1
  const float bias[] = {0.5f, -20.0f};
  const HostTensor out = xsp::reference::computeConvReference(in, weight, bias, ConvSpec{2, 1, 1, 0, true}, nullptr);
  EXPECT_NEAR(out.at(0, 0, 0, 0), 7.5, 0.0);  // 1*1 + 2*3 + 0.5
  EXPECT_NEAR(out.at(0, 0, 0, 1), 0.0, 0.0);  // 1*2 + 2*4 - 20 = -10, clipped
}

TEST_CASE("conv 3x3 pad 1 with unit weights sums each zero-padded neighbourhood") {
  const std::vector<float> ones(9, 1.0f);
  const float bias[] = {0.0f};
  const HostTensor out =
      xsp::reference::computeConvReference(makeOneToNine(), ones.data(), bias, ConvSpec{1, 3, 1, 1, false}, nullptr);
  EXPECT_EQ(out.h, 3);
  EXPECT_NEAR(out.at(0, 0, 0, 0), 12.0, 0.0);  // corner: 1+2+4+5
  EXPECT_NEAR(out.at(0, 0, 1, 0), 21.0, 0.0);  // top edge: 1+2+3+4+5+6
  EXPECT_NEAR(out.at(0, 1, 1, 0), 45.0, 0.0);  // centre: 1+...+9
}

TEST_CASE("conv 3x3 stride 2 pad 1 samples every other window") {
  const std::vector<float> ones(9, 1.0f);
  const float bias[] = {1.0f};
  const HostTensor out =
      xsp::reference::computeConvReference(makeOneToNine(), ones.data(), bias, ConvSpec{1, 3, 2, 1, false}, nullptr);
  EXPECT_EQ(out.h, 2);
  EXPECT_EQ(out.w, 2);
  EXPECT_NEAR(out.at(0, 0, 0, 0), 13.0, 0.0);  // windows centred on (0,0): 1+2+4+5 + bias 1
  EXPECT_NEAR(out.at(0, 0, 1, 0), 17.0, 0.0);  // (0,2): 2+3+5+6 + 1
  EXPECT_NEAR(out.at(0, 1, 0, 0), 25.0, 0.0);  // (2,0): 4+5+7+8 + 1
  EXPECT_NEAR(out.at(0, 1, 1, 0), 29.0, 0.0);  // (2,2): 5+6+8+9 + 1
}

TEST_CASE("conv weight index [r][s] is row then column of the window") {
  std::vector<float> w(9, 0.0f);
  w[0 * 3 + 2] = 1.0f;  // r=0 (row above), s=2 (column right)
  const float bias[] = {0.0f};
  const HostTensor out =
      xsp::reference::computeConvReference(makeOneToNine(), w.data(), bias, ConvSpec{1, 3, 1, 1, false}, nullptr);
  EXPECT_NEAR(out.at(0, 1, 1, 0), 3.0, 0.0);  // in(0, 2)
  EXPECT_NEAR(out.at(0, 2, 0, 0), 5.0, 0.0);  // in(1, 1)
  EXPECT_NEAR(out.at(0, 0, 0, 0), 0.0, 0.0);  // in(-1, 1): padding
}

TEST_CASE("conv adds the residual before the relu") {
  HostTensor in(1, 1, 2, 1);
  in.data = {2.0f, 2.0f};
  HostTensor residual(1, 1, 2, 1);
  residual.data = {1.0f, -5.0f};
  const float weight[] = {1.5f};
  const float bias[] = {0.0f};
  const HostTensor out = xsp::reference::computeConvReference(in, weight, bias, ConvSpec{1, 1, 1, 0, true}, &residual);
  EXPECT_NEAR(out.data[0], 4.0, 0.0);  // 3 + 1
  EXPECT_NEAR(out.data[1], 0.0, 0.0);  // 3 - 5 -> relu
}

TEST_CASE("max pool 3x3/2 pad 1: padding never wins, even over negatives") {
  HostTensor in(1, 4, 4, 1);
  for (int i = 0; i < 16; ++i) in.data[i] = -static_cast<float>(i + 1);  // -1 .. -16
  const HostTensor out = xsp::reference::computeMaxPoolReference(in, 3, 2, 1);
  EXPECT_EQ(out.h, 2);
  EXPECT_NEAR(out.at(0, 0, 0, 0), -1.0, 0.0);  // rows 0-1, cols 0-1
  EXPECT_NEAR(out.at(0, 0, 1, 0), -2.0, 0.0);  // rows 0-1, cols 1-3
  EXPECT_NEAR(out.at(0, 1, 0, 0), -5.0, 0.0);  // rows 1-3, cols 0-1
  EXPECT_NEAR(out.at(0, 1, 1, 0), -6.0, 0.0);  // rows 1-3, cols 1-3
}

TEST_CASE("global average pool averages each channel over the image") {
  HostTensor in(1, 2, 2, 2);
  in.data = {1.0f, 10.0f, 2.0f, 20.0f, 3.0f, 30.0f, 6.0f, 60.0f};  // channel 0: 1,2,3,6; channel 1: x10
  const HostTensor out = xsp::reference::computeGlobalAvgPoolReference(in);
  EXPECT_NEAR(out.at(0, 0, 0, 0), 3.0, 0.0);
  EXPECT_NEAR(out.at(0, 0, 0, 1), 30.0, 0.0);
}

TEST_CASE("fully connected multiplies by the [c][k] weight and adds bias") {
  HostTensor in(1, 1, 1, 3);
  in.data = {1.0f, 2.0f, 3.0f};
  const float weight[] = {1.0f, 0.0f,  // c=0
                          0.0f, 1.0f,  // c=1
                          1.0f, 1.0f}; // c=2
  const float bias[] = {0.25f, -1.0f};
  const HostTensor out = xsp::reference::computeFullyConnectedReference(in, weight, bias, 2);
  EXPECT_NEAR(out.data[0], 4.25, 0.0);  // 1 + 3 + 0.25
  EXPECT_NEAR(out.data[1], 4.0, 0.0);   // 2 + 3 - 1
}

TEST_CASE("relative L2 error: exact 0, known 0.2, infinite for NaN") {
  const float expected[] = {3.0f, 4.0f};
  const float same[] = {3.0f, 4.0f};
  const float off[] = {3.0f, 5.0f};  // ||(0,1)|| / ||(3,4)|| = 1/5
  const float poisoned[] = {3.0f, std::numeric_limits<float>::quiet_NaN()};
  EXPECT_NEAR(xsp::reference::computeRelativeL2Error(same, expected, 2), 0.0, 0.0);
  EXPECT_NEAR(xsp::reference::computeRelativeL2Error(off, expected, 2), 0.2, 1e-12);
  EXPECT_TRUE(std::isinf(xsp::reference::computeRelativeL2Error(poisoned, expected, 2)));
}

TEST_CASE("max error over rms: one bad element of (3,4) -> (3,5) is 1/sqrt(12.5)") {
  const float expected[] = {3.0f, 4.0f};
  const float off[] = {3.0f, 5.0f};
  const float poisoned[] = {std::numeric_limits<float>::quiet_NaN(), 4.0f};
  EXPECT_NEAR(xsp::reference::computeMaxErrorOverRms(off, expected, 2), 1.0 / std::sqrt(12.5), 1e-12);
  EXPECT_TRUE(std::isinf(xsp::reference::computeMaxErrorOverRms(poisoned, expected, 2)));
}

TEST_CASE("seeded values are reproducible, uniform on [-1, 1) and seed-dependent") {
  using namespace xsp::model;
  const uint64_t key = makeTensorKey(7, 3);
  EXPECT_TRUE(computeSeededUnit(key, 12345) == computeSeededUnit(makeTensorKey(7, 3), 12345));
  EXPECT_TRUE(computeSeededUnit(key, 0) != computeSeededUnit(makeTensorKey(8, 3), 0));
  EXPECT_TRUE(computeSeededUnit(key, 0) != computeSeededUnit(makeTensorKey(7, 4), 0));
  EXPECT_TRUE(computeSeededValue(key, 9, 0.5f) == 0.5f * computeSeededUnit(key, 9));
  const int count = 200000;
  double sum = 0.0, sumSq = 0.0, lo = 1.0, hi = -1.0;
  for (int i = 0; i < count; ++i) {
    const double v = computeSeededUnit(key, i);
    sum += v;
    sumSq += v * v;
    lo = std::fmin(lo, v);
    hi = std::fmax(hi, v);
  }
  EXPECT_TRUE(lo >= -1.0 && hi < 1.0);
  EXPECT_NEAR(sum / count, 0.0, 0.01);          // mean of U(-1,1)
  EXPECT_NEAR(sumSq / count, 1.0 / 3.0, 0.01);  // variance of U(-1,1)
}

XSP_TEST_MAIN()
