#!/bin/sh
# Test double: a worker on a machine without a GPU. `--probe` answers as the real
# worker does there (exit 3, one-line reason); anything else is a test bug.
if [ "$1" = "--probe" ]; then
  echo "xsched-perf-worker: error: no GPU visible (test double: no-gpu-worker.sh)" >&2
  exit 3
fi
echo "no-gpu-worker.sh: only --probe is supported (test double)" >&2
exit 2
