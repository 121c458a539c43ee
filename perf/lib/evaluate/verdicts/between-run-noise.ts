// Between-run noise of the regression verdict: the log-SD of a whole run's level from one
// day or machine to the next, which a single run cannot measure. A baseline of several runs
// (3 or more, across 3 machines or a day) measures it itself; otherwise it is assumed, estimated
// from recorded H200 runs (scripts/bench-decisions/recorded-runs.json, estimator scripts/bench-decisions/between-run-estimate.ts,
// docs/statistics.md 3.4); a stored baseline may carry its own (BaselineFile.betweenRunLogSd).
// Where the workers ran matters: pinned runs (PERF_CPUS) repeat far better (PINNED below).

import type { BaselineFile, BetweenRunLogSd } from '../../documents/types/baseline.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import { formatSpan, MIN_SPANNED_MACHINES, runsWithValues, spanOfRuns, spansRunToRunVariation } from './baseline-runs-span.ts';
import { clustersOnMachines } from './regression-noise-machines.ts';

export type RegressionMetricName = keyof BetweenRunLogSd;

// hp P99: baseline arm 0 (quick, 6 + 5 runs) and 0.033 (intensive-30s-mps, 5 runs on 5 machines);
// xsched arm 0.142 (quick time-sliced, 12 runs on four H200s, docs/gpu-results.md sections 7-11),
// 0 (intensive-30s-mps, 3 runs) and 0.197 (standard-mps, 2 runs on 2 H200s, section 12). Quick's
// xsched runs have a stall mode (trials at 2.2-2.8 ms among 1.1-1.3 ms, section 11), a tail a
// log-normal at 0.142 under-covers: `npm run bench:decisions` measured quick's A/A pass rate at
// 94.1% with 0.16 and 97.6% with 0.18 (docs/statistics.md section 6); 0.2 covers standard-mps too.
// lp: at most 0.003 anywhere; 0.005 keeps a margin.
// Configurations without recorded repeats take the largest value measured for the arm; the
// baseline arm's 0.035 covers every recorded configuration but standard-mps, whose baseline
// holds a trial in MPS's stall mode (it has its own below).
// Since 2026-11-30's seven unpinned quick runs on two H200s (docs/gpu-results.md section 13: one
// at 3.08 ms), quick's unpinned xsched estimate is 0.213 and its lp 0.007: 0.22 and 0.007.
const DEFAULTS: Record<'baseline' | 'xsched', BetweenRunLogSd> = {
  baseline: { hpP99: 0.035, lpIterPerSec: 0.007 },
  xsched: { hpP99: 0.22, lpIterPerSec: 0.007 },
};
/**
 * Runs whose workers and xserver were pinned (PERF_CPUS; the baseline's workload.pinnedCpus > 0),
 * per scenario and sharing mode, where pinned repeats were recorded. quick time-sliced: xsched
 * hp P99 run means 1.15-1.25 ms over seven pinned runs on two H200s (docs/gpu-results.md
 * section 13), estimate 0.037 (`scripts/bench-decisions/between-run-estimate.ts`; 0.022 with the
 * four of sections 13-14 added, on three H200s); 0.05 leaves a margin over so few runs. quick under MPS: run
 * means 0.755 and 0.710 ms on two H200s (section 14), estimate 0; two runs are few, so it took
 * the pinned time-sliced value of then, 0.05, and keeps it (its 11 runs since: estimate 0). Elsewhere pinned runs take the unpinned values. With 37 pinned quick
 * time-sliced runs on eleven H200s (five on GPU-654084e5, section 19, where XSched's hp P99 run
 * level moved 1.11 -> 1.50 ms and its lp worker ran 7-9% slower in three runs), XSched's estimates
 * are 0.055 (hp P99) and 0.021 (lp): 0.06 and 0.025 (0.05 and 0.015 before).
 */
const PINNED: Record<string, Partial<Record<'baseline' | 'xsched', Partial<BetweenRunLogSd>>>> = {
  'quick time-sliced': { xsched: { hpP99: 0.06, lpIterPerSec: 0.025 } },
  'quick mps': { xsched: { hpP99: 0.05 } },
};
/**
 * Per scenario, where recorded repeats show less or more. Less: the intensive load's xsched arm
 * moved no more than its baseline arm, under MPS (intensive-30s-mps, 3 runs on 3 machines: 0) and
 * under time slicing (intensive-30s, 2 runs on 2 H200s: run means 7.79 and 7.70 ms: 0.008). Both
 * get the baseline arm's 0.035, a floor that leaves a margin over two or three runs' estimate; the
 * 180 s catalogue runs of the same load are given the same. More: standard-mps's baseline arm
 * (runs 42fd and d88b on 2 H200s, run means 0.87 and 0.77 ms, one trial of 42fd at 1.04 ms in
 * MPS's stall mode: 0.061).
 */
const BY_SCENARIO: Record<string, Partial<Record<'baseline' | 'xsched', Partial<BetweenRunLogSd>>>> = {
  'intensive-30s-mps': { xsched: { hpP99: 0.035 } },
  'intensive-mps': { xsched: { hpP99: 0.035 } },
  'intensive-30s': { xsched: { hpP99: 0.035 } },
  intensive: { xsched: { hpP99: 0.035 } },
  'standard-mps': { baseline: { hpP99: 0.065 } },
};

export interface BetweenRunNoise {
  /** The assumed log-SD; when estimateFromRuns, the least the estimate may be (0: no floor). */
  logSd: number;
  source: string;
  /** A baseline of several runs that spans machines or days: sigma_b is estimated from its runs (regression-noise.ts). */
  estimateFromRuns: boolean;
  /** With estimateFromRuns: the machine of each stored run, by run index, for the two-level estimate (regression-noise-machines.ts). */
  machineOfRun?: Array<string | undefined>;
}

/** Fewer stored runs than this: their spread says too little (1 degree of freedom for 2), so sigma_b is assumed. */
export const MIN_RUNS_TO_ESTIMATE = 3;

/** The recorded value for this baseline's configuration (pinned, per scenario, or the largest measured). */
function recordedNoise(stored: BaselineFile, arm: ArmName, metric: RegressionMetricName): { logSd: number; source: string } {
  const key = arm === 'xsched' ? 'xsched' : 'baseline';
  if ((stored.workload?.pinnedCpus ?? 0) > 0) {
    const pinned = PINNED[`${stored.key.scenario} ${stored.key.sharing}`]?.[key]?.[metric];
    if (pinned !== undefined) return { logSd: pinned, source: `recorded pinned ${stored.key.scenario} ${stored.key.sharing} runs` };
  }
  const scenario = BY_SCENARIO[stored.key.scenario]?.[key]?.[metric];
  if (scenario !== undefined) return { logSd: scenario, source: `recorded ${stored.key.scenario} runs` };
  return { logSd: DEFAULTS[key][metric], source: 'the largest measured on recorded H200 runs' };
}

export function betweenRunNoise(stored: BaselineFile, arm: ArmName, metric: RegressionMetricName): BetweenRunNoise {
  const own = stored.betweenRunLogSd?.[arm]?.[metric];
  if (own !== undefined) {
    if (!(own >= 0 && Number.isFinite(own))) {
      throw new RangeError(`the stored baseline for ${stored.key.scenario} has betweenRunLogSd.${arm}.${metric} = ${JSON.stringify(own)}; expected a finite number >= 0`);
    }
    return { logSd: own, source: 'stored with the baseline', estimateFromRuns: false };
  }
  const recorded = recordedNoise(stored, arm, metric);
  const runs = runsWithValues(stored, arm, metric);
  if (runs < MIN_RUNS_TO_ESTIMATE) return { ...recorded, estimateFromRuns: false };
  const span = spanOfRuns(stored.runs!);
  const where = formatSpan(span);
  // Only when every run names its machine: the two-level estimate needs them all.
  const named = stored.runs!.every((run) => run.machine !== undefined) ? { machineOfRun: stored.runs!.map((run) => run.machine) } : {};
  if (spansRunToRunVariation(span)) {
    const levels = named.machineOfRun !== undefined && clustersOnMachines(named.machineOfRun) ? ', machine by machine' : '';
    return { logSd: 0, source: `estimated from the baseline's ${runs} runs on ${where}${levels}`, estimateFromRuns: true, ...named };
  }
  return {
    logSd: recorded.logSd,
    source: `estimated from the baseline's ${runs} runs, but not below ${recorded.source} (${recorded.logSd}): its runs are from ${where}, less than a day or ${MIN_SPANNED_MACHINES} machines`,
    estimateFromRuns: true,
    ...named,
  };
}
