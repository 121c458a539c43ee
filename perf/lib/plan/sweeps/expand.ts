// A grid expanded into the units a sweep trial runs: the two fixed arms every point is read
// against (hp-alone: the floor; baseline: the lp loss reference) and one unit per point.
// A unit names the arm it runs and the suite settings it changes for that arm alone.

import { XSCHED_SWEEP_MECHANISMS } from '../../documents/schemas/sweep.ts';
import type { SweepMechanism } from '../../documents/types/sweep.ts';
import { type SweepGrid, MECHANISM_LABELS } from './grid.ts';
import { XSCHED_SWEPT_SETTING } from './xsched-grid.ts';

type XschedMechanism = (typeof XSCHED_SWEEP_MECHANISMS)[number];

/** The PERF_XSCHED_* setting an xsched point replaces (docs/xsched.md). */
const XSCHED_POINT_SETTING: Readonly<Record<XschedMechanism, string>> = {
  'xsched-lp-threshold': XSCHED_SWEPT_SETTING.xschedLpThreshold,
  'xsched-lp-batch': XSCHED_SWEPT_SETTING.xschedLpBatch,
  'xsched-level': XSCHED_SWEPT_SETTING.xschedLevel,
  'xsched-policy': XSCHED_SWEPT_SETTING.xschedPolicy,
};

export function isXschedMechanism(mechanism: SweepMechanism): mechanism is XschedMechanism {
  return (XSCHED_SWEEP_MECHANISMS as readonly string[]).includes(mechanism);
}

export interface SweepUnit {
  /** Unique in a sweep: "hp-alone", "baseline", "xsched lp-threshold=4", "xsched lp-batch=8", "mps lp-percent=70". */
  id: string;
  /** null for the fixed arms. */
  mechanism: SweepMechanism | null;
  setting: string;
  /** The arm that runs the unit (perf/lib/plan/scenarios/arms.ts names the known ones). */
  arm: string;
  /** Suite settings (PERF_*) replaced for this unit only, e.g. PERF_XSCHED_THRESHOLD_LP. */
  suiteEnv: Record<string, string>;
}

export const FIXED_UNITS: readonly SweepUnit[] = [
  { id: 'hp-alone', mechanism: null, setting: '', arm: 'hp-alone', suiteEnv: {} },
  { id: 'baseline', mechanism: null, setting: '', arm: 'baseline', suiteEnv: {} },
];

/**
 * The arm of a reference point. MPS thread percentages and CU masks are the reference arms of
 * perf/lib/plan/scenarios/arms.ts, named mps-lp<percent> and cu-mask-lp<percent>; the runner checks that
 * the arm table knows the name and records the point as skipped, with why, when it does not.
 */
function referenceArmName(mechanism: Exclude<SweepMechanism, XschedMechanism>, setting: string): string {
  if (mechanism === 'mps-lp-percent') return `mps-lp${setting}`;
  if (mechanism === 'cu-mask') return `cu-mask-lp${setting}`;
  return 'stream-priority';
}

export function pointUnit(mechanism: SweepMechanism, setting: string): SweepUnit {
  const id = mechanism === 'stream-priority' ? MECHANISM_LABELS[mechanism] : `${MECHANISM_LABELS[mechanism]}=${setting}`;
  if (isXschedMechanism(mechanism)) return { id, mechanism, setting, arm: 'xsched', suiteEnv: { [XSCHED_POINT_SETTING[mechanism]]: setting } };
  return { id, mechanism, setting, arm: referenceArmName(mechanism, setting), suiteEnv: {} };
}

/** Every point of the grid, xsched first, each list in the order given. */
export function expandGrid(grid: SweepGrid): SweepUnit[] {
  return [
    ...grid.xschedLpThreshold.map((t) => pointUnit('xsched-lp-threshold', String(t))),
    ...grid.xschedLpBatch.map((b) => pointUnit('xsched-lp-batch', String(b))),
    ...grid.xschedLevel.map((l) => pointUnit('xsched-level', String(l))),
    ...grid.xschedPolicy.map((p) => pointUnit('xsched-policy', p)),
    ...grid.mpsLpPercent.map((p) => pointUnit('mps-lp-percent', String(p))),
    ...grid.cuMaskLpPercent.map((p) => pointUnit('cu-mask', String(p))),
    ...(grid.streamPriority ? [pointUnit('stream-priority', '')] : []),
  ];
}

interface GpuTimeEstimate {
  armTrials: number;
  estimatedMs: number;
  text: string;
}

/**
 * Before any GPU time: units x trials x (duration + startup). The startup per arm-trial
 * (worker model build, warm-up, xserver or MPS start) is an assumption the caller passes,
 * printed as such; the run's own progress reports the measured time.
 */
export function estimateGpuTime(units: number, trials: number, durationMs: number, startupMs: number): GpuTimeEstimate {
  const armTrials = units * trials;
  const estimatedMs = armTrials * (durationMs + startupMs);
  const minutes = Math.round(estimatedMs / 6000) / 10;
  const text = `sweep estimate: ${units} arms x ${trials} trial(s) x (${durationMs / 1000} s + ${startupMs / 1000} s assumed startup) = ${armTrials} arm-trials, about ${minutes} min of GPU time`;
  return { armTrials, estimatedMs, text };
}
