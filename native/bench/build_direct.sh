#!/usr/bin/env bash
# Builds the model/kernel test and benchmark executables with direct nvcc/g++
# commands (no CMake), into native/build/models-direct/: for a device run
# before the worker's main exists, which the CMake build needs to configure.
#   bash native/bench/build_direct.sh [sm arch, default 90]
set -euo pipefail
native=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
arch=${1:-90}
out=$native/build/models-direct
mkdir -p "$out/obj"
cxx_flags=(-std=c++17 -O3 -Wall -Wextra -I"$native/src")
nvcc_flags=(-std=c++17 -O3 -arch=sm_$arch -DXSP_PLATFORM_CUDA -x cu -I"$native/src")

host_objs=()
for src in "$native"/src/kernels/*.cpp "$native"/src/model/*.cpp "$native"/src/reference/*.cpp; do
  obj=$out/obj/$(basename "${src%.cpp}").o
  g++ "${cxx_flags[@]}" -c "$src" -o "$obj" &
  host_objs+=("$obj")
done
wait
gpu_objs=()
for src in "$native"/src/kernels/*.hip "$native"/src/model/*.hip; do
  obj=$out/obj/$(basename "${src%.hip}").gpu.o
  nvcc "${nvcc_flags[@]}" -c "$src" -o "$obj" &
  gpu_objs+=("$obj")
done
wait
for src in "$native"/tests/gpu_*.hip "$native"/bench/*.hip; do
  name=$(basename "${src%.hip}")
  nvcc "${nvcc_flags[@]}" -I"$native/tests" -c "$src" -o "$out/obj/$name.main.o" &
done
wait
for src in "$native"/tests/gpu_*.hip "$native"/bench/*.hip; do
  name=$(basename "${src%.hip}")
  nvcc -arch=sm_$arch "$out/obj/$name.main.o" "${gpu_objs[@]}" "${host_objs[@]}" -o "$out/$name"
done
echo "built: $(cd "$out" && ls -p | grep -v / | tr '\n' ' ')"
