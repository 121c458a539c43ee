#!/usr/bin/env bash
# Builds the native side (docs/native-worker.md). npm run build:native calls this.
#   bash native/build.sh [--platform amd|nvidia] [--arch LIST] [--build-dir DIR]
#                        [--cpu-only] [--build-type Release|Debug|RelWithDebInfo] [--jobs N]
# The platform is taken from the installed compiler (hipcc -> amd, nvcc -> nvidia)
# unless given. Prints where the worker is.
set -euo pipefail

native_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
me="native/build.sh"
platform="" arch="" build_dir="" cpu_only=0 build_type=Release jobs=""

fail() { echo "$me: error: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n $2 && $2 != --* ]] || fail "$1 needs a value (see --help)"; }

while (($#)); do
  case $1 in
    --platform) need_value "$@"; platform=$2; shift 2 ;;
    --arch) need_value "$@"; arch=$2; shift 2 ;;
    --build-dir) need_value "$@"; build_dir=$2; shift 2 ;;
    --build-type) need_value "$@"; build_type=$2; shift 2 ;;
    --jobs|-j) need_value "$@"; jobs=$2; shift 2 ;;
    --cpu-only) cpu_only=1; shift ;;
    -h|--help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option '$1' (expected --platform, --arch, --build-dir, --build-type, --jobs, --cpu-only)" ;;
  esac
done

command -v cmake >/dev/null || fail "cmake not found: install CMake >= 3.25 (apt-get install cmake)"
command -v "${CXX:-c++}" >/dev/null || command -v g++ >/dev/null ||
  fail "no C++ compiler found: install g++ (apt-get install g++) or set CXX"

find_hipcc() { command -v hipcc || { [[ -x /opt/rocm/bin/hipcc ]] && echo /opt/rocm/bin/hipcc; } || true; }
find_nvcc() { command -v nvcc || { [[ -x /usr/local/cuda/bin/nvcc ]] && echo /usr/local/cuda/bin/nvcc; } || true; }
hipcc=${HIPCC:-$(find_hipcc)}
nvcc=${NVCC:-$(find_nvcc)}
[[ -z ${HIPCC:-} || -x $HIPCC ]] || fail "HIPCC=$HIPCC is not an executable file"
[[ -z ${NVCC:-} || -x $NVCC ]] || fail "NVCC=$NVCC is not an executable file"

if ((cpu_only)); then
  [[ -z $platform ]] || fail "--cpu-only builds no GPU code; drop --platform $platform"
  platform=cpu
elif [[ -z $platform ]]; then
  # A GPU device node decides when both compilers are installed.
  if [[ -n $hipcc && ( -z $nvcc || -e /dev/kfd ) ]]; then platform=amd
  elif [[ -n $nvcc && ( -z $hipcc || -e /dev/nvidiactl ) ]]; then platform=nvidia
  elif [[ -n $hipcc ]]; then fail "both hipcc ($hipcc) and nvcc ($nvcc) are installed and no GPU device node says which: pass --platform amd or --platform nvidia"
  else fail "no GPU compiler found: install ROCm's hipcc (AMD) or the CUDA toolkit's nvcc (NVIDIA), or pass --cpu-only"
  fi
fi

cmake_args=(-DCMAKE_BUILD_TYPE="$build_type" -DXSP_PLATFORM="$platform")
case $platform in
  cpu) ;;
  amd)
    [[ -n $hipcc ]] || fail "hipcc not found: install ROCm (/opt/rocm/bin/hipcc) or Debian's hipcc package, or set HIPCC=/path/to/hipcc"
    arch=${arch:-gfx908,gfx90a}
    hip_version=$(HIP_PLATFORM=amd "$hipcc" --version 2>/dev/null || true)
    if [[ $arch == *gfx942* && $hip_version == *"HIP version: 5."* ]]; then
      fail "--arch $arch: gfx942 needs ROCm >= 6, and $hipcc is HIP 5.x (it compiles for gfx908, gfx90a, gfx940, gfx1030)"
    fi
    cmake_args+=(-DXSP_HIPCC="$hipcc" -DXSP_GPU_ARCHS="${arch//,/;}") ;;
  nvidia)
    [[ -n $nvcc ]] || fail "nvcc not found: install the CUDA toolkit (/usr/local/cuda/bin/nvcc) or set NVCC=/path/to/nvcc"
    arch=${arch:-90}
    arch=${arch//sm_/}
    cmake_args+=(-DCMAKE_CUDA_COMPILER="$nvcc" -DXSP_GPU_ARCHS="${arch//,/;}") ;;
  *) fail "--platform '$platform' is not amd or nvidia" ;;
esac

build_dir=${build_dir:-$native_dir/build/$platform}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
[[ -f $build_dir/CMakeCache.txt ]] && generator=()  # keep the generator of an existing build
jobs=${jobs:-$(nproc 2>/dev/null || echo 2)}

# ROCm 5.x's clang leaves one empty <source>-<hash> folder in TMPDIR per source and target
# (44 in /tmp for one AMD build of the worker); keep them in the build folder instead.
if [[ $platform == amd ]]; then
  mkdir -p "$build_dir/tmp"
  TMPDIR=$(cd "$build_dir/tmp" && pwd)  # absolute: the compilers run in other folders
  export TMPDIR
fi
cmake -S "$native_dir" -B "$build_dir" "${generator[@]}" "${cmake_args[@]}"
cmake --build "$build_dir" --parallel "$jobs"
if [[ $platform == amd ]]; then find "$TMPDIR" -mindepth 1 -type d -empty -delete; fi

if [[ $platform == cpu ]]; then
  echo "$me: built the host library and CPU tests in $build_dir (run: ctest --test-dir $build_dir -L cpu)"
else
  echo "$me: worker: $build_dir/xsched-perf-worker"
fi
