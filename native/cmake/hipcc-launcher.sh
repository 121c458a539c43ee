#!/usr/bin/env bash
# Compiler launcher for the AMD GPU targets (XspPlatformAmd.cmake):
#   hipcc-launcher.sh <hipcc> <host compiler CMake chose> <arguments...>
# runs hipcc instead of the host compiler. CMake marks .hip files as C++ with
# "-x c++"; hipcc must see them as HIP. Debian's hipcc picks the NVIDIA backend
# when nvcc is installed unless HIP_PLATFORM=amd.
set -euo pipefail
hipcc=$1
shift 2
args=()
while (($#)); do
  if [[ $1 == -x && ${2-} == c++ ]]; then
    args+=(-x hip)
    shift 2
    continue
  fi
  args+=("$1")
  shift
done
HIP_PLATFORM=amd exec "$hipcc" "${args[@]}"
