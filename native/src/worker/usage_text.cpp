#include "worker/command_line.hpp"

namespace xsp {

std::string workerUsageText() {
  return R"(xsched-perf-worker: one role (hp or lp) of the xsched-perf dual-model experiment.
The protocol with the suite is in docs/protocol.md; build and options in docs/native-worker.md.

Usage:
  xsched-perf-worker --role hp|lp --model resnet18|resnet50 --result PATH [options]
  xsched-perf-worker --probe [--gpu I] [--role hp|lp] [--stream-priority P]
  xsched-perf-worker --version | --help

Options (default):
  --batch N                 images per forward pass, 1..65536 (1)
  --image-size N            input height and width, 32..4096 (224)
  --gpu I                   GPU index as the runtime numbers them (0)
  --seed S                  seed of weights, input and the Poisson schedule (1)
  --duration-ms D           length of the measurement window (10000)
  --rate-hz R               hp only: request rate (10)
  --arrival uniform|poisson hp only: arrival process (uniform)
  --stream-priority default|high|low   priority of the worker's stream (default)
  --warmup-iters N          forward passes before READY, 1..100000 (5)
  --inject-delay-us N       hp only: host delay before each request; sensitivity tests only (0)
  --drain-ms N              hp: time after the end instant to finish late requests (5000)
  --cu-mask-percent N       AMD only: run on the first ceil(CUs x N / 100) compute units, 1..100 (off)

Exit codes: 0 ok, 2 bad command line, 3 no GPU, 4 GPU index out of range,
5 not enough GPU memory, 6 protocol error, 7 GPU runtime error,
8 result not written, 10 stopped (SIGTERM/SIGINT/stdin EOF; result partial).
)";
}

}  // namespace xsp
