#!/usr/bin/env bash
# npm run test:pytorch: the PyTorch workload's unit tests (python3 -m unittest) with the first
# python3 on PATH that imports torch, that directory first on PATH for the workers the tests
# start, the same rule test/unit/workloads/pytorch-worker-cpu.test.ts follows. With none, plain
# python3 runs them: the torch tests skip naming the package, and fail under CI=true
# (workloads/pytorch/tests/torch_available.py).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=python3
IFS=: read -r -a directories <<< "${PATH:-}"
for directory in "${directories[@]}"; do
  if [[ -n $directory && -x $directory/python3 ]] && "$directory/python3" -c 'import torch' 2>/dev/null; then
    python=$directory/python3
    export PATH="$directory:$PATH"
    break
  fi
done
echo "test:pytorch: $python ($("$python" --version 2>&1))"
exec "$python" -m unittest discover -s tests -t .
