// A sweep grid: which settings of which mechanism a sweep runs (docs/sweeps.md). Read from
// PERF_SWEEP_* and validated where it enters, each message quoting the value received.

import type { SharingMode } from '../../documents/types/scenario.ts';
import type { SweepMechanism } from '../../documents/types/sweep.ts';

export interface SweepGrid {
  /** XSCHED_AUTO_XQUEUE_THRESHOLD of the lp worker (PERF_XSCHED_THRESHOLD_LP per point). */
  xschedLpThreshold: number[];
  /** CUDA_MPS_ACTIVE_THREAD_PERCENTAGE of the lp worker only (NVIDIA MPS). */
  mpsLpPercent: number[];
  /** CU masks of the lp worker, hex (AMD). */
  cuMask: string[];
  /** Whether the stream-priority arm (hp high, lp low) is a point. */
  streamPriority: boolean;
}

export const SWEEP_GRID_VARIABLES: Readonly<Record<Exclude<keyof SweepGrid, 'streamPriority'>, string>> = {
  xschedLpThreshold: 'PERF_SWEEP_XSCHED_LP_THRESHOLD',
  mpsLpPercent: 'PERF_SWEEP_MPS_LP_PERCENT',
  cuMask: 'PERF_SWEEP_CU_MASK',
};
export const SWEEP_STREAM_PRIORITY_VARIABLE = 'PERF_SWEEP_STREAM_PRIORITY';

export class SweepConfigError extends Error {
  override readonly name = 'SweepConfigError';
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return [];
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new SweepConfigError(`${name}=${JSON.stringify(env[name])} has an empty item: give a comma-separated list such as 1,2,4`);
  const repeated = items.find((s, i) => items.indexOf(s) !== i);
  if (repeated !== undefined) throw new SweepConfigError(`${name}=${JSON.stringify(env[name])} lists ${repeated} twice: each point runs once per trial`);
  return items;
}

function integers(env: NodeJS.ProcessEnv, name: string, min: number, max: number, what: string): number[] {
  return list(env, name).map((item) => {
    const value = Number(item);
    if (!/^\d+$/.test(item) || value < min || value > max) {
      throw new SweepConfigError(`${name}=${JSON.stringify(env[name])}: ${JSON.stringify(item)} is not ${what}, an integer from ${min} to ${max}`);
    }
    return value;
  });
}

/** Reads PERF_SWEEP_*; throws SweepConfigError naming the variable and the bad value. */
export function readSweepGrid(env: NodeJS.ProcessEnv, sharing: SharingMode): SweepGrid {
  const cuMask = list(env, SWEEP_GRID_VARIABLES.cuMask).map((item) => {
    if (!/^0x[0-9a-f]+$/i.test(item) || /^0x0+$/i.test(item)) {
      throw new SweepConfigError(`${SWEEP_GRID_VARIABLES.cuMask}=${JSON.stringify(env[SWEEP_GRID_VARIABLES.cuMask])}: ${JSON.stringify(item)} is not a non-zero hex CU mask such as 0xffff`);
    }
    return item.toLowerCase();
  });
  const priorityRaw = (env[SWEEP_STREAM_PRIORITY_VARIABLE] ?? '').trim();
  if (!['', '0', '1'].includes(priorityRaw)) throw new SweepConfigError(`${SWEEP_STREAM_PRIORITY_VARIABLE}=${JSON.stringify(priorityRaw)} must be 1 (add the stream-priority point) or 0`);
  const grid: SweepGrid = {
    // Same range readXschedConfig accepts for PERF_XSCHED_THRESHOLD_LP (plan/config/xsched-settings.ts).
    xschedLpThreshold: integers(env, SWEEP_GRID_VARIABLES.xschedLpThreshold, 1, 1_000_000, 'an lp threshold'),
    mpsLpPercent: integers(env, SWEEP_GRID_VARIABLES.mpsLpPercent, 1, 100, 'a thread percentage'),
    cuMask,
    streamPriority: priorityRaw === '1',
  };
  if (grid.mpsLpPercent.length > 0 && sharing !== 'mps') {
    throw new SweepConfigError(`${SWEEP_GRID_VARIABLES.mpsLpPercent}=${JSON.stringify(env[SWEEP_GRID_VARIABLES.mpsLpPercent])} needs an MPS scenario (sharing mps), this one shares by ${sharing}: use intensive-mps or standard-mps`);
  }
  if (grid.cuMask.length > 0 && sharing !== 'platform-default') {
    throw new SweepConfigError(`${SWEEP_GRID_VARIABLES.cuMask}=${JSON.stringify(env[SWEEP_GRID_VARIABLES.cuMask])} needs an AMD GPU (sharing platform-default), this one shares by ${sharing}`);
  }
  if (grid.xschedLpThreshold.length > 0 && (env.PERF_XSCHED_THRESHOLD_LP ?? '').trim() !== '') {
    throw new SweepConfigError(`PERF_XSCHED_THRESHOLD_LP=${JSON.stringify(env.PERF_XSCHED_THRESHOLD_LP)} conflicts with ${SWEEP_GRID_VARIABLES.xschedLpThreshold}: the sweep sets it per point; unset it`);
  }
  if (grid.xschedLpThreshold.length > 0 && (env.PERF_XSCHED_BATCH_SIZE_LP ?? '').trim() !== '') {
    // The batch size must stay <= each point's threshold; unset it follows half the threshold.
    throw new SweepConfigError(`PERF_XSCHED_BATCH_SIZE_LP=${JSON.stringify(env.PERF_XSCHED_BATCH_SIZE_LP)} is fixed while the sweep varies the lp threshold: unset it so each point uses half its threshold`);
  }
  const count = grid.xschedLpThreshold.length + grid.mpsLpPercent.length + grid.cuMask.length + (grid.streamPriority ? 1 : 0);
  if (count === 0) throw new SweepConfigError(`no sweep point: set at least one of ${Object.values(SWEEP_GRID_VARIABLES).join(', ')}, ${SWEEP_STREAM_PRIORITY_VARIABLE}=1`);
  return grid;
}

export const MECHANISM_LABELS: Readonly<Record<SweepMechanism, string>> = {
  'xsched-lp-threshold': 'xsched lp-threshold',
  'mps-lp-percent': 'mps lp-percent',
  'cu-mask': 'cu-mask',
  'stream-priority': 'stream-priority',
};
