// Hand-made run records and evaluations with round numbers, so expected baseline
// contents can be checked by eye. Shared by the baselines and results tests.

import type { ArmStats, HpStats, LatencySummaryMs, LpStats, ScenarioEvaluation, TrialStats } from '../../../perf/lib/documents/types/evaluation.ts';
import type { WorkerFingerprint } from '../../../perf/lib/documents/types/fingerprint.ts';
import type { ArmTrialRecord, RunRecord, WorkerOutcome } from '../../../perf/lib/documents/types/run-record.ts';
import type { ArmName, Role, Scenario } from '../../../perf/lib/documents/types/scenario.ts';
import { makeFingerprint as makeSharedFingerprint, makeRunRecord as makeSharedRunRecord, makeScenario, makeSharingEvidence } from '../../fixtures/run-record/index.ts';
import { rolesForArm } from '../../../perf/lib/run/worker/worker-args.ts';
import { encodeLatenciesNsAsHistogram } from '../../../perf/lib/documents/encoding/latency-histogram.ts';

export const SCENARIO: Scenario = makeScenario({
  name: 'quick',
  description: 'fixture',
  trials: 2,
  arms: ['hp-alone', 'baseline'],
  thresholds: { hpP99ImprovementMinFraction: 0, regressionP99Tolerance: 0.3 },
});

export function makeFingerprint(role: Role): WorkerFingerprint {
  return makeSharedFingerprint(role, {
    pid: role === 'hp' ? 100 : 101,
    hostname: 'gpu-host',
    gpu: { index: 0, name: 'NVIDIA H100 80GB HBM3', arch: 'sm_90', uuid: 'GPU-1', pciBusId: '0000:19:00.0', memoryTotalBytes: 1, multiprocessorCount: 132 },
  });
}

function okWorker(role: Role): WorkerOutcome {
  const options = { role, model: SCENARIO.hp.model, batch: 1, imageSize: 224, gpuIndex: 0, seed: 1, durationMs: 10_000, streamPriority: 'default' as const, warmupIterations: 5, injectDelayUs: 0 };
  return {
    ok: true,
    role,
    logPath: `/tmp/${role}.log`,
    readyAtNs: '1000',
    result: {
      schema: 'xsched-perf.worker-result',
      schemaVersion: 1,
      options,
      fingerprint: makeFingerprint(role),
      startNs: '2000',
      endNs: '10000002000',
      partial: false,
      partialReason: null,
      ...(role === 'hp' ? { requests: [[0, 10, 3_000_000]] as Array<[number, number, number]>, unstartedRequests: 0 } : { iterations: [[0, 9_000_000]] as Array<[number, number]> }),
      warmup: { iterations: 5, meanMs: 2.5 },
    },
  };
}

function armTrial(arm: ArmName, trial: number, roles: Role[]): ArmTrialRecord {
  const workers = roles.map(okWorker);
  return { arm, trial, startedAt: '2026-11-21T21:40:00.000Z', startNs: '2000', endNs: '10000002000', workers, skipped: null, xsched: null, sharing: makeSharingEvidence(SCENARIO.sharing, workers) };
}

export function makeRunRecord(runId = '2026-11-21T21-40-00Z-quick-ab12'): RunRecord {
  const trials = [0, 1].flatMap((t) => [armTrial('hp-alone', t, ['hp']), armTrial('baseline', t, ['hp', 'lp'])]);
  return makeSharedRunRecord(structuredClone(SCENARIO), trials, {
    runId,
    createdAt: '2026-11-21T21:40:00.000Z',
    host: { hostname: 'gpu-host', os: 'linux', node: 'v20', cpus: 16 },
  });
}

/**
 * A run that may become a baseline (perf/lib/store/baselines/baseline-refusals.ts): every arm
 * of the catalogue's quick scenario measured in each of 3 trials, the scenario's minTrials.
 */
export function makeCompleteRunRecord(runId = '2026-11-21T21-40-00Z-quick-ab12'): RunRecord {
  const record = makeRunRecord(runId);
  const arms: ArmName[] = ['hp-alone', 'lp-alone', 'baseline', 'xsched'];
  record.scenario.trials = 3;
  record.scenario.arms = arms;
  record.trials = [0, 1, 2].flatMap((t) => arms.map((arm) => armTrial(arm, t, [...rolesForArm(arm)])));
  return record;
}

const summary = (p50: number, p99: number): LatencySummaryMs => ({ count: 100, mean: p50, p50, p90: p99, p99, p999: p99, max: p99 });
const hpStats = (p50: number, p99: number, rate: number): HpStats => ({
  targetRateHz: 10, scheduled: 100, completed: 100, achievedRateHz: rate, latencyMs: summary(p50, p99), serviceMs: summary(p50, p99), histogram: `hist-${p99}`,
});
const lpStats = (iterPerSec: number): LpStats => ({ batch: 8, iterations: iterPerSec * 10, iterPerSec, imagesPerSec: iterPerSec * 8, iterationMs: summary(1000 / iterPerSec, 1000 / iterPerSec) });

/** Per arm and trial: [hp P50, hp P99, hp achieved rate] and lp iter/s (null where the arm lacks the role). */
export type ArmValues = Partial<Record<ArmName, Array<{ hp: [number, number, number] | null; lp: number | null }>>>;

export const DEFAULT_VALUES: ArmValues = {
  'hp-alone': [{ hp: [2, 4, 10], lp: null }, { hp: [2, 5, 9.9], lp: null }],
  baseline: [{ hp: [3, 6, 9.8], lp: 100 }, { hp: [3, 8, 9.7], lp: 110 }],
};

export function makeEvaluation(record: RunRecord, status: ScenarioEvaluation['status'] = 'pass', values: ArmValues = DEFAULT_VALUES): ScenarioEvaluation {
  const arms: ArmStats[] = Object.entries(values).map(([arm, trials]) => {
    const trialStats: TrialStats[] = trials.map((v, trial) => ({
      arm: arm as ArmName, trial, windowMs: 10_000,
      hp: v.hp ? hpStats(...v.hp) : null,
      lp: v.lp === null ? null : lpStats(v.lp),
    }));
    const merged = trialStats.find((t) => t.hp)?.hp ?? null;
    return { arm: arm as ArmName, trials: trialStats, merged: { hp: merged ? { ...merged, histogram: `merged-${arm}` } : null, lp: null } };
  });
  return {
    schema: 'xsched-perf.evaluation', schemaVersion: 2, runId: record.runId, scenario: record.scenario.name,
    arms, checks: [], verdicts: [], status, statusReason: `fixture: ${status}`, requiredVerdicts: [], verdictOutcomes: [],
    reasons: status === 'pass' ? [] : [`the run is ${status}: fixture reason`],
  };
}

/**
 * `evaluation` with each arm's merged hp histogram a real one of `latenciesMs` (the fixture's
 * "merged-<arm>" strings do not decode): for code that merges histograms (baselines/from-runs.ts).
 */
export function withEncodedHistograms(evaluation: ScenarioEvaluation, latenciesMs: number[]): ScenarioEvaluation {
  const histogram = encodeLatenciesNsAsHistogram(latenciesMs.map((ms) => ms * 1e6));
  return { ...evaluation, arms: evaluation.arms.map((a) => ({ ...a, merged: { ...a.merged, hp: a.merged.hp ? { ...a.merged.hp, histogram } : null } })) };
}
