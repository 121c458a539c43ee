// Finds the worker of a scenario's workload (docs/workloads.md): the native worker through
// locate-worker.ts, or the PyTorch workload's script in this repository. An explicit path
// (PERF_WORKER or the workerPath option) wins for either: it names the executable to run.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkloadName } from '../../documents/types/scenario.ts';
import { locateWorker, type LocatedWorker, type LocateWorkerOptions } from './locate-worker.ts';

/** The PyTorch workload's entry point, relative to the repository root. */
export const TORCH_WORKER_PATH = join('workloads', 'pytorch', 'xsched-perf-torch-worker');
const DEFAULT_REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export async function locateWorkloadWorker(workload: WorkloadName, options: LocateWorkerOptions = {}): Promise<LocatedWorker> {
  const env = options.env ?? process.env;
  const explicit = options.workerPath ?? (env.PERF_WORKER === '' ? undefined : env.PERF_WORKER);
  if (workload === 'native' || explicit !== undefined) return locateWorker(options);
  const path = join(options.repoRoot ?? DEFAULT_REPO_ROOT, TORCH_WORKER_PATH);
  // The script needs no build; the same executable check as an explicit path.
  const found = await locateWorker({ workerPath: path, env: {} });
  return { path: found.path, foundBy: 'workload pytorch' };
}
