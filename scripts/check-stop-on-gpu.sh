#!/usr/bin/env bash
# Stop check on a GPU host (docs/orchestration.md, "Stops"): starts `vitest run perf` with
# PERF_SCENARIOS=quick, sends SIGINT to the Vitest main process only in the middle of the
# xsched arm, and 3 s later lists surviving workers, xservers and MPS processes and prints
# run.json's status. Needs XSCHED_ROOT and a built worker (npm run build:native).
#   bash scripts/check-stop-on-gpu.sh [seconds into the xsched arm, default 5]
# Exit status 0 when nothing survived and run.json says aborted, 1 otherwise.
set -uo pipefail

me="scripts/check-stop-on-gpu.sh"
into_arm_s=${1:-5}
[[ $into_arm_s =~ ^[0-9]+$ ]] || { echo "$me: error: the delay must be whole seconds, got '$into_arm_s'" >&2; exit 2; }
[[ -n ${XSCHED_ROOT:-} ]] || { echo "$me: error: XSCHED_ROOT is not set: the xsched arm needs an XSched install (docs/xsched.md)" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

results=$(mktemp -d "${TMPDIR:-/tmp}/xsched-perf-stop-check.XXXXXX")
log="$results/vitest.log"
PERF_SCENARIOS=quick PERF_RESULTS_DIR="$results" node node_modules/vitest/vitest.mjs run perf >"$log" 2>&1 &
main_pid=$!
echo "$me: vitest main pid $main_pid, results in $results"

# The xsched arm runs once an xserver is up and its two workers are measuring.
for ((i = 0; i < 1800; i++)); do
  kill -0 "$main_pid" 2>/dev/null || { echo "$me: vitest exited before the xsched arm; its log:"; tail -20 "$log"; exit 1; }
  if pgrep -x xserver >/dev/null && (($(pgrep -f 'xsched-perf-worker.*--role' | wc -l) >= 2)); then break; fi
  sleep 0.2
done
pgrep -x xserver >/dev/null || { echo "$me: no xserver appeared within 360 s; its log:"; tail -20 "$log"; kill -INT "$main_pid"; exit 1; }
sleep "$into_arm_s"
echo "$me: in the xsched arm: workers $(pgrep -d, -f 'xsched-perf-worker.*--role'), xserver $(pgrep -d, -x xserver)"
echo "$me: SIGINT to the vitest main process $main_pid only"
kill -INT "$main_pid"
sleep 3

survivors=$(pgrep -a -f 'xsched-perf-worker.*--role'; pgrep -a -x xserver; pgrep -a -f nvidia-cuda-mps)
if [[ -n $survivors ]]; then echo "$me: alive 3 s after the SIGINT:"; echo "$survivors"; else echo "$me: no worker, xserver or MPS process alive 3 s after the SIGINT"; fi
run_json=$(find "$results" -name run.json | head -1)
status=none
if [[ -n $run_json ]]; then
  status=$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); const s = r.status ?? { state: "complete (no status field)" };
    console.log(`${s.state}${s.reason ? ` (${s.reason})` : ""}; ${r.trials.length} arm-trial(s), interrupted: ${r.trials.filter((t) => t.interrupted).map((t) => `${t.arm} t${t.trial}`).join(", ") || "none"}`)' "$run_json")
fi
echo "$me: run.json: ${run_json:-missing}: $status"
temporary=$(find "$results" -name '*.tmp')
[[ -z $temporary ]] || echo "$me: temporary files left: $temporary"
echo "$me: last lines of the vitest output:"; tail -5 "$log"
[[ -z $survivors && $status == aborted* && -z $temporary ]]
