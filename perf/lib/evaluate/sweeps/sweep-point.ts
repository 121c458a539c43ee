// One sweep point from its saved unit-trial runs (unit-trial-run.ts): hp P99 with an interval,
// lp loss against the baseline unit paired by trial, and whether the arm's XSched state was
// proven (unproven-arms.ts). A point never carries a number it did not measure.

import type { RunRecord } from '../../documents/types/run-record.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { Estimate, PointProof, SweepMechanism, SweepPoint } from '../../documents/types/sweep.ts';
import type { LpTrialSamples } from '../stats/lp-samples.ts';
import { throughputRatioInterval } from '../stats/intervals/throughput-ratio-interval.ts';
import { seedForRun } from '../stats/random/seeded-random.ts';
import { findUnprovenArms } from '../unproven-arms.ts';
import { EVIDENCE_CHECKS } from '../validity/run-checks.ts';
import { hpP99IntervalMs } from './hp-p99-interval.ts';
import { byTrial, mergeUnitRuns, type UnitTrialRun } from './unit-trial-run.ts';

/** null without runs; seeded by the first run, as the merged record (mergeUnitRuns) is named. */
export function hpP99OfUnit(runs: readonly UnitTrialRun[], arm: string): Estimate | null {
  const first = runs[0]?.record;
  if (first === undefined) return null;
  return hpP99IntervalMs(byTrial(runs.map((r) => r.hp)), first.scenario.confidence, seedForRun(first.runId, first.scenario.seed, `sweep-hp-p99 ${arm}`));
}

function proofOf(merged: RunRecord, arm: string): PointProof {
  // The evidence checks (XSched here and absent elsewhere; with the reference-arm work, its
  // reference.* proofs too): findUnprovenArms reads the ones that make an arm unproven.
  const checks = EVIDENCE_CHECKS.flatMap(([, check]) => check(merged));
  const reason = findUnprovenArms(checks).get(arm as ArmName);
  if (reason !== undefined) return { status: 'unproven', reason };
  if (merged.trials.every((t) => t.skipped !== null)) return { status: 'unproven', reason: `skipped: ${merged.trials[0]?.skipped ?? 'no trial'}` };
  return { status: 'proven' };
}

interface PointInput {
  id: string;
  mechanism: SweepMechanism;
  setting: string;
  arm: string;
  runs: readonly UnitTrialRun[];
  /** The baseline unit's lp samples, by trial: what the lp loss pairs with. */
  baselineLp: LpTrialSamples[];
}

export function buildSweepPoint(input: PointInput): SweepPoint {
  const merged = mergeUnitRuns(input.runs);
  const base = { id: input.id, mechanism: input.mechanism, setting: input.setting };
  if (merged === null) return { ...base, hpP99Ms: null, lpLoss: null, proof: { status: 'unproven', reason: 'no finished trial' }, trials: 0 };
  const ratio = throughputRatioInterval(byTrial(input.runs.map((r) => r.lp)), input.baselineLp, { paired: true, confidence: merged.scenario.confidence });
  const lpLoss = ratio === null ? null : { estimate: 1 - ratio.estimate, low: 1 - ratio.high, high: 1 - ratio.low };
  return { ...base, hpP99Ms: hpP99OfUnit(input.runs, input.arm), lpLoss, proof: proofOf(merged, input.arm), trials: merged.trials.length };
}
