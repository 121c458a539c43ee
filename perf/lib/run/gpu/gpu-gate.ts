// What a perf spec does with a GpuDetection: run, skip with the one-line summary,
// or fail when the environment demands a GPU (PERF_REQUIRE_GPU=1, e.g. on the GPU runner,
// where a silently skipped suite would pass CI without measuring anything).

import type { GpuDetection } from './detect-gpu.ts';

export type GpuGate = { action: 'run' } | { action: 'skip'; reason: string } | { action: 'fail'; reason: string };

export function decideGpuGate(detection: GpuDetection, env: NodeJS.ProcessEnv = process.env): GpuGate {
  if (detection.found) return { action: 'run' };
  const required = env.PERF_REQUIRE_GPU;
  if (required === '1') {
    return { action: 'fail', reason: `PERF_REQUIRE_GPU=1 but ${detection.summary}` };
  }
  if (required !== undefined && required !== '' && required !== '0') {
    return { action: 'fail', reason: `PERF_REQUIRE_GPU must be 1 or 0, got ${JSON.stringify(required)}` };
  }
  return { action: 'skip', reason: detection.summary };
}
