// CPU reference of every layer kind the networks use: plain loops, sums in
// double, results stored as float (as the GPU stores them). NHWC activations;
// conv weights [r][s][cin][cout], fc weights [cin][cout] (resnet_architecture.hpp).
#pragma once

#include <cstddef>
#include <vector>

namespace xsp::reference {

struct HostTensor {
  int n = 0, h = 0, w = 0, c = 0;
  std::vector<float> data;

  HostTensor() = default;
  HostTensor(int n_, int h_, int w_, int c_)
      : n(n_), h(h_), w(w_), c(c_), data(static_cast<std::size_t>(n_) * h_ * w_ * c_, 0.0f) {}
  std::size_t index(int in, int ih, int iw, int ic) const {
    return ((static_cast<std::size_t>(in) * h + ih) * w + iw) * c + ic;
  }
  float& at(int in, int ih, int iw, int ic) { return data[index(in, ih, iw, ic)]; }
  float at(int in, int ih, int iw, int ic) const { return data[index(in, ih, iw, ic)]; }
};

struct ConvSpec {
  int outChannels = 0, kernel = 1, stride = 1, pad = 0;
  bool relu = false;
};

// out = relu?(conv(in, weight) + bias + residual?); zero padding. residual may be null.
HostTensor computeConvReference(const HostTensor& in, const float* weight, const float* bias, const ConvSpec& spec,
                                const HostTensor* residual);

// Max over a kernel x kernel window; padded positions never win (PyTorch semantics).
HostTensor computeMaxPoolReference(const HostTensor& in, int kernel, int stride, int pad);

// Mean over h and w: [n, h, w, c] -> [n, 1, 1, c].
HostTensor computeGlobalAvgPoolReference(const HostTensor& in);

// [n, 1, 1, cin] x [cin][cout] + bias -> [n, 1, 1, cout].
HostTensor computeFullyConnectedReference(const HostTensor& in, const float* weight, const float* bias, int outFeatures);

// ||actual - expected||_2 / ||expected||_2; +infinity if any actual value is not
// finite (so a NaN-poisoned, unwritten element fails any bound).
double computeRelativeL2Error(const float* actual, const float* expected, std::size_t count);

// max |actual - expected| / rms(expected): catches one wrong element that the
// L2 norm of a large tensor would dilute. +infinity for non-finite values.
double computeMaxErrorOverRms(const float* actual, const float* expected, std::size_t count);

}  // namespace xsp::reference
