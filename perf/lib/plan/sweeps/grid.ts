// A sweep grid: which settings of which mechanism a sweep runs (docs/sweeps.md). Read from
// PERF_SWEEP_* and validated where it enters, each message quoting the value received.

import type { SharingMode } from '../../documents/types/scenario.ts';
import type { SweepMechanism } from '../../documents/types/sweep.ts';
import { SweepConfigError } from './sweep-errors.ts';
import { integerList } from './sweep-lists.ts';
import { readXschedSweepGrid, XSCHED_SWEEP_VARIABLES, type XschedSweepGrid } from './xsched-grid.ts';

export { SweepConfigError };

export interface SweepGrid extends XschedSweepGrid {
  /** CUDA_MPS_ACTIVE_THREAD_PERCENTAGE of the lp worker only (NVIDIA MPS). */
  mpsLpPercent: number[];
  /** Percentages of the GPU's compute units the lp worker's stream is masked to (AMD: arms cu-mask-lpN). */
  cuMaskLpPercent: number[];
  /** Whether the stream-priority arm (hp high, lp low) is a point. */
  streamPriority: boolean;
}

export const SWEEP_GRID_VARIABLES: Readonly<Record<Exclude<keyof SweepGrid, 'streamPriority'>, string>> = {
  ...XSCHED_SWEEP_VARIABLES,
  mpsLpPercent: 'PERF_SWEEP_MPS_LP_PERCENT',
  cuMaskLpPercent: 'PERF_SWEEP_CU_MASK_LP_PERCENT',
};
export const SWEEP_STREAM_PRIORITY_VARIABLE = 'PERF_SWEEP_STREAM_PRIORITY';

/** Reads PERF_SWEEP_*; throws SweepConfigError naming the variable and the bad value. */
export function readSweepGrid(env: NodeJS.ProcessEnv, sharing: SharingMode): SweepGrid {
  const priorityRaw = (env[SWEEP_STREAM_PRIORITY_VARIABLE] ?? '').trim();
  if (!['', '0', '1'].includes(priorityRaw)) throw new SweepConfigError(`${SWEEP_STREAM_PRIORITY_VARIABLE}=${JSON.stringify(priorityRaw)} must be 1 (add the stream-priority point) or 0`);
  const grid: SweepGrid = {
    ...readXschedSweepGrid(env),
    mpsLpPercent: integerList(env, SWEEP_GRID_VARIABLES.mpsLpPercent, 1, 100, 'a thread percentage'),
    cuMaskLpPercent: integerList(env, SWEEP_GRID_VARIABLES.cuMaskLpPercent, 1, 100, 'a compute-unit percentage'),
    streamPriority: priorityRaw === '1',
  };
  if (grid.mpsLpPercent.length > 0 && sharing !== 'mps') {
    throw new SweepConfigError(`${SWEEP_GRID_VARIABLES.mpsLpPercent}=${JSON.stringify(env[SWEEP_GRID_VARIABLES.mpsLpPercent])} needs an MPS scenario (sharing mps), this one shares by ${sharing}: use intensive-mps or standard-mps`);
  }
  if (grid.cuMaskLpPercent.length > 0 && sharing !== 'platform-default') {
    throw new SweepConfigError(`${SWEEP_GRID_VARIABLES.cuMaskLpPercent}=${JSON.stringify(env[SWEEP_GRID_VARIABLES.cuMaskLpPercent])} needs an AMD GPU (sharing platform-default), this one shares by ${sharing}`);
  }
  const count = Object.keys(SWEEP_GRID_VARIABLES).reduce((sum, key) => sum + grid[key as keyof typeof SWEEP_GRID_VARIABLES].length, 0) + (grid.streamPriority ? 1 : 0);
  if (count === 0) throw new SweepConfigError(`no sweep point: set at least one of ${Object.values(SWEEP_GRID_VARIABLES).join(', ')}, ${SWEEP_STREAM_PRIORITY_VARIABLE}=1`);
  return grid;
}

export const MECHANISM_LABELS: Readonly<Record<SweepMechanism, string>> = {
  'xsched-lp-threshold': 'xsched lp-threshold',
  'xsched-lp-batch': 'xsched lp-batch',
  'xsched-level': 'xsched level',
  'xsched-policy': 'xsched policy',
  'mps-lp-percent': 'mps lp-percent',
  'cu-mask': 'cu-mask',
  'stream-priority': 'stream-priority',
};
