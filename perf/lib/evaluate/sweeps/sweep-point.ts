// One sweep point from its saved unit-trial runs (store/results/sweep-directory.ts): hp P99
// with an interval, lp loss against the baseline unit paired by trial, and whether the arm's
// XSched state was proven (unproven-arms.ts). A point never carries a number it did not measure.

import type { RunRecord } from '../../documents/types/run-record.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { Estimate, PointProof, SweepMechanism, SweepPoint } from '../../documents/types/sweep.ts';
import { throughputRatioInterval } from '../stats/intervals/throughput-ratio-interval.ts';
import { computeRunStatistics, type ArmSamples } from '../stats/run-statistics.ts';
import { seedForRun } from '../stats/random/seeded-random.ts';
import { findUnprovenArms } from '../unproven-arms.ts';
import { EVIDENCE_CHECKS } from '../validity/run-checks.ts';
import { hpP99IntervalMs } from './hp-p99-interval.ts';

/** The unit-trial runs of one unit merged into one record (each holds one arm-trial). */
export function mergeUnitRuns(runs: readonly RunRecord[]): RunRecord | null {
  const first = runs[0];
  if (first === undefined) return null;
  return { ...first, trials: runs.flatMap((r) => r.trials).sort((a, b) => a.trial - b.trial) };
}

/** The samples of the arm the unit ran; arm names beyond ArmName are the reference-arm work's (plan/sweeps/expand.ts). */
export function unitSamples(merged: RunRecord, arm: string): ArmSamples | null {
  return computeRunStatistics(merged).samples.get(arm as ArmName) ?? null;
}

export function hpP99OfUnit(merged: RunRecord, arm: string): Estimate | null {
  const samples = unitSamples(merged, arm);
  return samples === null ? null : hpP99IntervalMs(samples.hp, merged.scenario.confidence, seedForRun(merged.runId, merged.scenario.seed, `sweep-hp-p99 ${arm}`));
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

export interface PointInput {
  id: string;
  mechanism: SweepMechanism;
  setting: string;
  arm: string;
  runs: readonly RunRecord[];
  baselineRuns: readonly RunRecord[];
}

export function buildSweepPoint(input: PointInput): SweepPoint {
  const merged = mergeUnitRuns(input.runs);
  const base = { id: input.id, mechanism: input.mechanism, setting: input.setting };
  if (merged === null) return { ...base, hpP99Ms: null, lpLoss: null, proof: { status: 'unproven', reason: 'no finished trial' }, trials: 0 };
  const baseline = mergeUnitRuns(input.baselineRuns);
  const samples = unitSamples(merged, input.arm);
  const baselineLp = baseline === null ? [] : (unitSamples(baseline, 'baseline')?.lp ?? []);
  const ratio = samples === null ? null : throughputRatioInterval(samples.lp, baselineLp, { paired: true, confidence: merged.scenario.confidence });
  const lpLoss = ratio === null ? null : { estimate: 1 - ratio.estimate, low: 1 - ratio.high, high: 1 - ratio.low };
  return { ...base, hpP99Ms: hpP99OfUnit(merged, input.arm), lpLoss, proof: proofOf(merged, input.arm), trials: merged.trials.length };
}
