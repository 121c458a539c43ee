#!/usr/bin/env python3
"""PyTorch/cuDNN reference timings for the native benchmark (network_bench).

torchvision resnet18/resnet50 in eval mode, fp32 strict (TF32 off for cuDNN and
matmul), eager forward passes timed with CUDA events after warm-up, median and
spread over repetitions. Same default cases as network_bench: ResNet-50 batch
1024 and ResNet-18 batch 1 at 224x224. Prints a table and one JSON line
({"schema":"xsched-perf.pytorch-reference",...}).

  python3 native/bench/pytorch_reference.py [--case resnet50:1024:224 ...]
      [--cudnn-benchmark] [--budget-ms 3000]
"""
import argparse
import json
import statistics

import torch
import torchvision


def parse_case(text):
    parts = text.split(":")
    if len(parts) != 3 or parts[0] not in ("resnet18", "resnet50"):
        raise argparse.ArgumentTypeError(f"--case wants model:batch:image (e.g. resnet50:1024:224), got {text!r}")
    return parts[0], int(parts[1]), int(parts[2])


def quantile(sorted_ms, q):
    pos = q * (len(sorted_ms) - 1)
    lo, hi = int(pos), min(int(pos) + 1, len(sorted_ms) - 1)
    return sorted_ms[lo] + (sorted_ms[hi] - sorted_ms[lo]) * (pos - lo)


def time_forward(model, x, warmup, reps):
    for _ in range(warmup):
        model(x)
    torch.cuda.synchronize()
    ms = []
    for _ in range(reps):
        start = torch.cuda.Event(enable_timing=True)
        stop = torch.cuda.Event(enable_timing=True)
        start.record()
        model(x)
        stop.record()
        stop.synchronize()
        ms.append(start.elapsed_time(stop))
    return ms


def run_case(name, batch, image, budget_ms):
    model = getattr(torchvision.models, name)(weights=None).cuda().eval()
    x = torch.randn(batch, 3, image, image, device="cuda")
    with torch.inference_mode():
        probe = statistics.median(time_forward(model, x, 3, 3))
        reps = int(min(300, max(10, budget_ms / max(probe, 1e-3))))
        ms = sorted(time_forward(model, x, 2, reps))
    del model, x
    torch.cuda.empty_cache()
    return {"model": name, "batch": batch, "imageSize": image, "medianMs": statistics.median(ms),
            "p10Ms": quantile(ms, 0.1), "p90Ms": quantile(ms, 0.9), "minMs": ms[0], "maxMs": ms[-1], "reps": len(ms)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", type=parse_case)
    parser.add_argument("--cudnn-benchmark", action="store_true", help="let cuDNN autotune algorithms")
    parser.add_argument("--budget-ms", type=float, default=3000.0)
    args = parser.parse_args()
    cases = args.case or [("resnet50", 1024, 224), ("resnet18", 1, 224)]

    # Strict fp32: the native kernels use plain FP32 FMA, no TF32.
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.set_float32_matmul_precision("highest")
    torch.backends.cudnn.benchmark = args.cudnn_benchmark

    results = [run_case(name, batch, image, args.budget_ms) for name, batch, image in cases]
    gpu = torch.cuda.get_device_name()
    print(f"GPU: {gpu}, torch {torch.__version__}, torchvision {torchvision.__version__}, "
          f"cuDNN {torch.backends.cudnn.version()}, TF32 off, cudnn.benchmark={args.cudnn_benchmark}")
    print(f"{'model':9} {'batch':>6} {'image':>6} {'median ms':>11} {'p10 ms':>10} {'p90 ms':>10} {'min ms':>10} "
          f"{'max ms':>10} {'reps':>5}")
    for r in results:
        print(f"{r['model']:9} {r['batch']:6d} {r['imageSize']:6d} {r['medianMs']:11.3f} {r['p10Ms']:10.3f} "
              f"{r['p90Ms']:10.3f} {r['minMs']:10.3f} {r['maxMs']:10.3f} {r['reps']:5d}")
    print(json.dumps({"schema": "xsched-perf.pytorch-reference", "schemaVersion": 1, "gpu": gpu,
                      "torch": torch.__version__, "torchvision": torchvision.__version__,
                      "cudnn": torch.backends.cudnn.version(), "tf32": False,
                      "cudnnBenchmark": args.cudnn_benchmark, "results": results}))


if __name__ == "__main__":
    main()
