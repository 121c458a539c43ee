// The XSched settings a sweep varies, one at a time (docs/sweeps.md): lp threshold, lp batch
// size, level and policy. Each point is the xsched arm with one PERF_XSCHED_* setting replaced
// for that arm alone; the rest keep their values (docs/xsched.md). Accepted values are the ones
// readXschedConfig accepts (plan/config/xsched-settings.ts, xsched-facts.ts).

import { XSCHED_DEFAULTS } from '../config/xsched-settings.ts';
import { XSCHED_LEVEL_MAX, XSCHED_LEVEL_MIN, XSCHED_POLICY_NAMES, XSCHED_QUEUE_COMMANDS_MAX, type XschedPolicyName } from '../config/xsched-facts.ts';
import { SweepConfigError } from './sweep-errors.ts';
import { integerList, sweepList } from './sweep-lists.ts';

export interface XschedSweepGrid {
  /** XSCHED_AUTO_XQUEUE_THRESHOLD of the lp worker (PERF_XSCHED_THRESHOLD_LP per point). */
  xschedLpThreshold: number[];
  /** XSCHED_AUTO_XQUEUE_BATCH_SIZE of the lp worker (PERF_XSCHED_BATCH_SIZE_LP per point). */
  xschedLpBatch: number[];
  /** XSCHED_AUTO_XQUEUE_LEVEL of both workers (PERF_XSCHED_LEVEL per point). */
  xschedLevel: number[];
  /** The xserver's policy (PERF_XSCHED_POLICY per point). */
  xschedPolicy: XschedPolicyName[];
}

export const XSCHED_SWEEP_VARIABLES: Readonly<Record<keyof XschedSweepGrid, string>> = {
  xschedLpThreshold: 'PERF_SWEEP_XSCHED_LP_THRESHOLD',
  xschedLpBatch: 'PERF_SWEEP_XSCHED_LP_BATCH',
  xschedLevel: 'PERF_SWEEP_XSCHED_LEVEL',
  xschedPolicy: 'PERF_SWEEP_XSCHED_POLICY',
};

/** The PERF_XSCHED_* setting each sweep list replaces per point; fixing it as well is an error. */
export const XSCHED_SWEPT_SETTING: Readonly<Record<keyof XschedSweepGrid, string>> = {
  xschedLpThreshold: 'PERF_XSCHED_THRESHOLD_LP',
  xschedLpBatch: 'PERF_XSCHED_BATCH_SIZE_LP',
  xschedLevel: 'PERF_XSCHED_LEVEL',
  xschedPolicy: 'PERF_XSCHED_POLICY',
};

const isSet = (env: NodeJS.ProcessEnv, name: string): boolean => (env[name] ?? '').trim() !== '';

function rejectFixedSettings(env: NodeJS.ProcessEnv, grid: XschedSweepGrid): void {
  for (const key of Object.keys(XSCHED_SWEPT_SETTING) as Array<keyof XschedSweepGrid>) {
    const setting = XSCHED_SWEPT_SETTING[key];
    if (grid[key].length > 0 && isSet(env, setting)) {
      throw new SweepConfigError(`${setting}=${JSON.stringify(env[setting])} conflicts with ${XSCHED_SWEEP_VARIABLES[key]}: the sweep sets it per point; unset it`);
    }
  }
  if (grid.xschedLpThreshold.length > 0 && isSet(env, 'PERF_XSCHED_BATCH_SIZE_LP')) {
    // The batch size must stay <= each point's threshold; unset it follows half the threshold.
    throw new SweepConfigError(`PERF_XSCHED_BATCH_SIZE_LP=${JSON.stringify(env.PERF_XSCHED_BATCH_SIZE_LP)} is fixed while the sweep varies the lp threshold: unset it so each point uses half its threshold`);
  }
}

/** Batch-size points run at the lp threshold in force: PERF_XSCHED_THRESHOLD_LP, else the default. XSched aborts a worker whose batch exceeds it. */
function checkBatchAgainstThreshold(env: NodeJS.ProcessEnv, batches: readonly number[]): void {
  const raw = (env.PERF_XSCHED_THRESHOLD_LP ?? '').trim();
  const threshold = raw === '' ? XSCHED_DEFAULTS.lp.threshold : Number(raw);
  const tooLarge = batches.find((b) => b > threshold);
  if (tooLarge !== undefined) {
    throw new SweepConfigError(
      `${XSCHED_SWEEP_VARIABLES.xschedLpBatch}=${JSON.stringify(env[XSCHED_SWEEP_VARIABLES.xschedLpBatch])}: ${tooLarge} is larger than the lp threshold ${threshold} ` +
        `(${raw === '' ? 'the default' : 'PERF_XSCHED_THRESHOLD_LP'}); XSched needs batch size <= threshold: set PERF_XSCHED_THRESHOLD_LP to at least ${tooLarge}`,
    );
  }
}

/** Reads PERF_SWEEP_XSCHED_*; throws SweepConfigError naming the variable and quoting the value. */
export function readXschedSweepGrid(env: NodeJS.ProcessEnv): XschedSweepGrid {
  const policyVariable = XSCHED_SWEEP_VARIABLES.xschedPolicy;
  const grid: XschedSweepGrid = {
    // Same ranges readXschedConfig accepts (plan/config/xsched-settings.ts).
    xschedLpThreshold: integerList(env, XSCHED_SWEEP_VARIABLES.xschedLpThreshold, 1, XSCHED_QUEUE_COMMANDS_MAX, 'an lp threshold'),
    xschedLpBatch: integerList(env, XSCHED_SWEEP_VARIABLES.xschedLpBatch, 1, XSCHED_QUEUE_COMMANDS_MAX, 'an lp batch size'),
    xschedLevel: integerList(env, XSCHED_SWEEP_VARIABLES.xschedLevel, XSCHED_LEVEL_MIN, XSCHED_LEVEL_MAX, 'an XSched level'),
    xschedPolicy: sweepList(env, policyVariable).map((item) => {
      const policy = XSCHED_POLICY_NAMES.find((name) => name === item);
      if (policy === undefined) throw new SweepConfigError(`${policyVariable}=${JSON.stringify(env[policyVariable])}: ${JSON.stringify(item)} is not an XSched policy: use ${XSCHED_POLICY_NAMES.join(', ')} (upper case)`);
      return policy;
    }),
  };
  rejectFixedSettings(env, grid);
  checkBatchAgainstThreshold(env, grid.xschedLpBatch);
  return grid;
}
