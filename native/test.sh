#!/usr/bin/env bash
# Builds the host library and CPU tests (no GPU compiler needed) and runs them.
# npm test calls this through npm run test:native. Extra args go to build.sh.
set -euo pipefail
native_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=$native_dir/build/cpu
bash "$native_dir/build.sh" --cpu-only --build-dir "$build_dir" "$@"
ctest --test-dir "$build_dir" -L cpu --output-on-failure
