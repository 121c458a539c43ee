// scripts/summarize-runs.ts: the CV helper and the markdown on hand-made numbers, and the
// directory walk (one run saved in two results directories is printed once) on a SYNTHETIC
// saved run (test/fixtures/synthetic-run: invented numbers, no GPU).

import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { saveEvaluation, saveRunRecord } from '../../../perf/lib/store/results/index.ts';
import type { ArmStats, HpStats, LatencySummaryMs, LpStats, Verdict } from '../../../perf/lib/documents/types/evaluation.ts';
import { coefficientOfVariation, collectRuns, formatRunSummary, script, type SummarizedRun } from '../../../scripts/summarize-runs.ts';
import { runScriptInProcess } from '../../fixtures/run-script.ts';
import { buildSyntheticRecord } from '../../fixtures/synthetic-run/synthetic-record.ts';
import { INTENSIVE_SPEC } from '../../fixtures/synthetic-run/synthetic-scenarios.ts';


const latency = (p50: number, p99: number): LatencySummaryMs => ({ count: 500, mean: p50, p50, p90: p99, p99, p999: p99, max: p99 });
const hp = (p50: number, p99: number): HpStats => ({
  targetRateHz: 50, scheduled: 500, completed: 500, achievedRateHz: 50, latencyMs: latency(p50, p99), serviceMs: latency(0.4, 0.5), histogram: '',
});
const lp = (iterPerSec: number): LpStats => ({ batch: 8, iterations: iterPerSec * 10, iterPerSec, imagesPerSec: iterPerSec * 8, iterationMs: latency(3, 4) });

describe('coefficientOfVariation', () => {
  it('is the sample standard deviation over the mean', () => {
    // mean 2, squared deviations 1 + 0 + 1 over n-1 = 2: sd 1, so CV 0.5
    expect(coefficientOfVariation([1, 2, 3])).toBeCloseTo(0.5, 12);
    expect(coefficientOfVariation([4, 4])).toBe(0);
  });

  it('is null when it cannot be computed', () => {
    expect(coefficientOfVariation([5])).toBeNull();
    expect(coefficientOfVariation([0, 0])).toBeNull();
  });
});

describe('formatRunSummary', () => {
  const hpAlone: ArmStats = {
    arm: 'hp-alone',
    trials: [
      { arm: 'hp-alone', trial: 0, windowMs: 10_000, hp: hp(0.5, 1), lp: null },
      { arm: 'hp-alone', trial: 1, windowMs: 10_000, hp: hp(0.5, 3), lp: null },
    ],
    merged: { hp: hp(0.5, 2.5), lp: null },
  };
  const lpAlone: ArmStats = { arm: 'lp-alone', trials: [{ arm: 'lp-alone', trial: 0, windowMs: 10_000, hp: null, lp: lp(300) }], merged: { hp: null, lp: lp(300) } };
  const xsched: ArmStats = { arm: 'xsched', trials: [], merged: { hp: null, lp: null } };
  const judged: Verdict = {
    id: 'regression.baseline.hp-p99', rule: 'r', status: 'pass', measured: { ratio: 1.0042 }, threshold: { tolerance: 0.3, ratioBound: 1.3 },
    interval: { level: 0.95, low: 0.98, high: 1.0301, method: 'm' }, message: 'm', recommendation: null,
  };
  const skipped: Verdict = { ...judged, id: 'hp-p99-improvement', status: 'skip', interval: null, measured: {} };
  const run: SummarizedRun = {
    record: {
      runId: '2026-01-02T03-04-05Z-quick-ab12',
      notes: ['GPU: GPU 0: some GPU', 'PERF_INJECT_DELAY_US=250: injected'],
      scenario: { name: 'quick', durationMs: 10_000, trials: 2, sharing: 'mps', overrides: [{ field: 'trials', catalogueValue: 3, value: 2, source: 'PERF_TRIALS' }] },
    },
    evaluation: { arms: [hpAlone, lpAlone, xsched], verdicts: [judged, skipped], status: 'pass' },
  };
  const text = formatRunSummary(run);

  it('names the run, its shape, overrides and notes other than the GPU line', () => {
    expect(text).toContain('### 2026-01-02T03-04-05Z-quick-ab12');
    expect(text).toContain('scenario quick, 10 s x 2 trial(s), mps, status pass');
    expect(text).toContain('override: trials 3 -> 2 (PERF_TRIALS)');
    expect(text).toContain('note: PERF_INJECT_DELAY_US=250: injected');
    expect(text).not.toContain('some GPU');
  });

  it('prints every trial, the merged row, and the CV of P99 over trials', () => {
    expect(text).toContain('| hp-alone | t0 | 0.500 | 1.000 | 50.00 | 500 | 0.400 | – |');
    expect(text).toContain('| hp-alone | t1 | 0.500 | 3.000 | 50.00 | 500 | 0.400 | – |');
    expect(text).toContain('| hp-alone | merged | 0.500 | 2.500 | 50.00 | 500 | 0.400 | – |');
    // P99 1 and 3: mean 2, sd sqrt(2) = 1.41421: CV 70.71%
    expect(text).toContain('| hp-alone | CV | – | 70.71% | – | – | – | – |');
    expect(text).toContain('| lp-alone | t0 | – | – | – | – | – | 300.000 |');
    expect(text).not.toContain('| lp-alone | CV'); // one trial: no spread to show
    expect(text).toContain('| xsched | none (skipped) |');
  });

  it('lists judged verdicts with ratio, interval and bound, and counts the skipped ones', () => {
    expect(text).toContain('- regression.baseline.hp-p99: pass, ratio 1.004, 95% interval [0.980, 1.030], bound 1.300');
    expect(text).toContain('- 1 verdict(s) skipped');
    expect(text).not.toContain('hp-p99-improvement');
  });
});

describe('collecting runs from several results directories', () => {
  const RUN_ID = '2025-01-15T10-00-00Z-synthetic-intensive-0a0b';
  let root: string;
  let first: string;
  let second: string;
  let firstStatus: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'summarize-runs-'));
    first = join(root, 'first');
    second = join(root, 'second');
    const record = { ...buildSyntheticRecord(INTENSIVE_SPEC), runId: RUN_ID };
    const dir = join(first, RUN_ID);
    await mkdir(dir, { recursive: true });
    await saveRunRecord(dir, record);
    const evaluation = evaluateRun(record, null);
    await saveEvaluation(dir, evaluation);
    // The same run copied into a later directory, told apart by a different status.
    await cp(first, second, { recursive: true });
    await saveEvaluation(join(second, RUN_ID), { ...evaluation, status: evaluation.status === 'fail' ? 'pass' : 'fail' });
    firstStatus = evaluation.status;
    const incomplete = join(second, '2025-01-16T10-00-00Z-synthetic-intensive-0c0d');
    await mkdir(incomplete);
    await saveRunRecord(incomplete, { ...record, runId: '2025-01-16T10-00-00Z-synthetic-intensive-0c0d' });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps a run found twice once, from the first directory, and warns about a run without evaluation.json', async () => {
    const { runs, warnings } = await collectRuns([first, second]);
    expect(runs.map((r) => r.record.runId)).toEqual([RUN_ID]);
    expect(runs[0]!.evaluation.status).toBe(firstStatus);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('0c0d: skipped, it lacks evaluation.json');
  });

  it('prints the run once from the command line, with the numbers of its evaluation', async () => {
    const result = await runScriptInProcess(script, [first, second]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split(`### ${RUN_ID}`)).toHaveLength(2);
    const { runs } = await collectRuns([first]);
    const baseline = runs[0]!.evaluation.arms.find((a) => a.arm === 'baseline')!;
    expect(result.stdout).toContain(`| baseline | merged | ${baseline.merged.hp!.latencyMs.p50.toFixed(3)} | ${baseline.merged.hp!.latencyMs.p99.toFixed(3)} |`);
    expect(result.stderr).toContain('warning:');
  });

  it('exits 2 without a directory and 1 when none holds a complete run', async () => {
    expect((await runScriptInProcess(script, [])).exitCode).toBe(2);
    expect((await runScriptInProcess(script, [join(root, 'absent')])).exitCode).toBe(1);
  });
});
