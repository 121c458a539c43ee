#include "reference_ops.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace xsp::reference {

HostTensor computeConvReference(const HostTensor& in, const float* weight, const float* bias, const ConvSpec& spec,
                                const HostTensor* residual) {
  const int p = (in.h + 2 * spec.pad - spec.kernel) / spec.stride + 1;
  const int q = (in.w + 2 * spec.pad - spec.kernel) / spec.stride + 1;
  HostTensor out(in.n, p, q, spec.outChannels);
  if (residual && (residual->n != out.n || residual->h != p || residual->w != q || residual->c != out.c)) {
    throw std::invalid_argument("residual shape does not match the conv output " + std::to_string(p) + "x" +
                                std::to_string(q) + "x" + std::to_string(out.c));
  }
  std::vector<double> acc(spec.outChannels);
  for (int n = 0; n < in.n; ++n) {
    for (int oh = 0; oh < p; ++oh) {
      for (int ow = 0; ow < q; ++ow) {
        for (int k = 0; k < spec.outChannels; ++k) acc[k] = bias[k];
        for (int r = 0; r < spec.kernel; ++r) {
          const int ih = oh * spec.stride - spec.pad + r;
          if (ih < 0 || ih >= in.h) continue;
          for (int s = 0; s < spec.kernel; ++s) {
            const int iw = ow * spec.stride - spec.pad + s;
            if (iw < 0 || iw >= in.w) continue;
            for (int c = 0; c < in.c; ++c) {
              const double x = in.at(n, ih, iw, c);
              const float* wrow = weight + ((static_cast<size_t>(r) * spec.kernel + s) * in.c + c) * spec.outChannels;
              for (int k = 0; k < spec.outChannels; ++k) acc[k] += x * wrow[k];
            }
          }
        }
        for (int k = 0; k < spec.outChannels; ++k) {
          double v = acc[k];
          if (residual) v += residual->at(n, oh, ow, k);
          if (spec.relu) v = std::max(v, 0.0);
          out.at(n, oh, ow, k) = static_cast<float>(v);
        }
      }
    }
  }
  return out;
}

HostTensor computeMaxPoolReference(const HostTensor& in, int kernel, int stride, int pad) {
  const int p = (in.h + 2 * pad - kernel) / stride + 1;
  const int q = (in.w + 2 * pad - kernel) / stride + 1;
  HostTensor out(in.n, p, q, in.c);
  for (int n = 0; n < in.n; ++n)
    for (int oh = 0; oh < p; ++oh)
      for (int ow = 0; ow < q; ++ow)
        for (int c = 0; c < in.c; ++c) {
          float best = -std::numeric_limits<float>::infinity();
          for (int r = 0; r < kernel; ++r)
            for (int s = 0; s < kernel; ++s) {
              const int ih = oh * stride - pad + r, iw = ow * stride - pad + s;
              if (ih >= 0 && ih < in.h && iw >= 0 && iw < in.w) best = std::max(best, in.at(n, ih, iw, c));
            }
          out.at(n, oh, ow, c) = best;
        }
  return out;
}

HostTensor computeGlobalAvgPoolReference(const HostTensor& in) {
  HostTensor out(in.n, 1, 1, in.c);
  for (int n = 0; n < in.n; ++n)
    for (int c = 0; c < in.c; ++c) {
      double sum = 0.0;
      for (int h = 0; h < in.h; ++h)
        for (int w = 0; w < in.w; ++w) sum += in.at(n, h, w, c);
      out.at(n, 0, 0, c) = static_cast<float>(sum / (static_cast<double>(in.h) * in.w));
    }
  return out;
}

HostTensor computeFullyConnectedReference(const HostTensor& in, const float* weight, const float* bias,
                                          int outFeatures) {
  if (in.h != 1 || in.w != 1) {
    throw std::invalid_argument("fully connected expects [n,1,1,c], got h=" + std::to_string(in.h) +
                                " w=" + std::to_string(in.w));
  }
  HostTensor out(in.n, 1, 1, outFeatures);
  for (int n = 0; n < in.n; ++n)
    for (int k = 0; k < outFeatures; ++k) {
      double sum = bias[k];
      for (int c = 0; c < in.c; ++c) sum += static_cast<double>(in.at(n, 0, 0, c)) * weight[static_cast<size_t>(c) * outFeatures + k];
      out.at(n, 0, 0, k) = static_cast<float>(sum);
    }
  return out;
}

double computeRelativeL2Error(const float* actual, const float* expected, size_t count) {
  double diff = 0.0, norm = 0.0;
  for (size_t i = 0; i < count; ++i) {
    if (!std::isfinite(actual[i])) return std::numeric_limits<double>::infinity();
    const double d = static_cast<double>(actual[i]) - expected[i];
    diff += d * d;
    norm += static_cast<double>(expected[i]) * expected[i];
  }
  if (norm == 0.0) return diff == 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
  return std::sqrt(diff / norm);
}

double computeMaxErrorOverRms(const float* actual, const float* expected, size_t count) {
  double maxError = 0.0, sumSq = 0.0;
  for (size_t i = 0; i < count; ++i) {
    if (!std::isfinite(actual[i])) return std::numeric_limits<double>::infinity();
    maxError = std::max(maxError, std::fabs(static_cast<double>(actual[i]) - expected[i]));
    sumSq += static_cast<double>(expected[i]) * expected[i];
  }
  const double rms = count > 0 ? std::sqrt(sumSq / count) : 0.0;
  if (rms == 0.0) return maxError == 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
  return maxError / rms;
}

}  // namespace xsp::reference
