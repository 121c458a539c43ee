import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import {
  baselineKeyFromRun,
  baselineKeyOfRun,
  baselinePath,
  describeBaselineKey,
  formatBaselineKeyFields,
  sameBaselineKey,
} from '../../../perf/lib/store/baselines/key.ts';
import { readBaseline } from '../../../perf/lib/store/baselines/read-baseline.ts';
import { BaselineRefusedError, updateBaseline } from '../../../perf/lib/store/baselines/update-baseline.ts';
import { makeCompleteRunRecord, makeEvaluation, makeRunRecord } from './run-fixture.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const newDir = () => makeTempDir('baselines-');
const NOW = new Date('2026-11-22T08:00:00.000Z');

describe('baseline key', () => {
  it('comes from the first finished worker, the scenario name and its sharing mode', () => {
    const record = makeRunRecord();
    const key = baselineKeyFromRun(record);
    expect(key).toEqual({ scenario: 'quick', platform: 'cuda', gpuName: 'NVIDIA H100 80GB HBM3', arch: 'sm_90', sharing: 'time-sliced' });
    expect(baselinePath('/b', key)).toBe('/b/quick/cuda-sm_90-nvidia-h100-80gb-hbm3-time-sliced.json');
  });

  it('skips failed workers and slugs AMD arch features', () => {
    const record = makeRunRecord();
    const [first, second] = record.trials;
    first!.workers = [{ ok: false, role: 'hp', logPath: '/x', failure: { kind: 'crash', message: 'boom', exitCode: 7, signal: null, lastLogLines: [] } }];
    const worker = second!.workers[0]!;
    if (!worker.ok) throw new Error('fixture: expected an ok worker');
    worker.result.fingerprint.gpu = { ...worker.result.fingerprint.gpu, name: 'AMD Instinct MI210', arch: 'gfx90a:sramecc+:xnack-' };
    worker.result.fingerprint.platform = 'hip-amd';
    record.scenario.sharing = 'platform-default';
    expect(baselinePath('/b', baselineKeyFromRun(record))).toBe('/b/quick/hip-amd-gfx90a-sramecc-xnack-amd-instinct-mi210-platform-default.json');
  });

  it('cannot be made when no worker finished', () => {
    const record = makeRunRecord();
    for (const trial of record.trials) trial.workers = [];
    expect(() => baselineKeyFromRun(record)).toThrow('no worker finished, so the run has no GPU fingerprint to key a baseline by');
  });

  it('is null rather than an error for callers that can go on without one (the regression verdict)', () => {
    const record = makeRunRecord();
    expect(baselineKeyOfRun(record)).toEqual(baselineKeyFromRun(record));
    for (const trial of record.trials) trial.workers = [];
    expect(baselineKeyOfRun(record)).toBeNull();
  });

  it('is the same only when every field is, and reads as prose or as name=value pairs', () => {
    const key = baselineKeyFromRun(makeRunRecord());
    expect(sameBaselineKey(key, { ...key })).toBe(true);
    expect(sameBaselineKey(key, { ...key, arch: 'sm_80' })).toBe(false);
    expect(sameBaselineKey(key, { ...key, sharing: 'mps' })).toBe(false);
    expect(describeBaselineKey(key)).toBe('scenario "quick" on cuda sm_90 "NVIDIA H100 80GB HBM3", sharing time-sliced');
    expect(formatBaselineKeyFields(key)).toBe('scenario=quick platform=cuda gpu="NVIDIA H100 80GB HBM3" arch=sm_90 sharing=time-sliced');
  });
});

describe('baselineFromRun', () => {
  it('stores per-trial values from the evaluation, the merged histogram and the worker version', () => {
    const record = makeRunRecord();
    const baseline = baselineFromRun(record, makeEvaluation(record), { now: NOW });
    expect(baseline.arms.baseline).toEqual({ hpP99Ms: [6, 8], hpP50Ms: [3, 3], hpAchievedRateHz: [9.8, 9.7], lpIterPerSec: [100, 110], hpHistogram: 'merged-baseline' });
    expect(baseline.arms['hp-alone']?.lpIterPerSec).toEqual([]);
    expect([baseline.runId, baseline.workerVersion, baseline.createdAt]).toEqual([record.runId, '0.1.0', NOW.toISOString()]);
    expect(baseline.thresholds).toEqual({});
  });

  it('records the workload the run was measured with, from its scenario', () => {
    const record = makeRunRecord();
    record.scenario.durationMs = 30_000;
    record.scenario.hp.rateHz = 20;
    expect(baselineFromRun(record, makeEvaluation(record)).workload).toEqual({
      hp: { model: 'resnet18', batch: 1, imageSize: 224, rateHz: 20, arrival: 'uniform' },
      lp: { model: 'resnet50', batch: 8, imageSize: 224 },
      durationMs: 30_000,
      kind: 'native',
      pinnedCpus: 0,
    });
  });

  it('keeps the thresholds set by hand in the baseline it replaces', () => {
    const record = makeRunRecord();
    const existing = baselineFromRun(record, makeEvaluation(record));
    existing.thresholds = { hpP99ImprovementMinFraction: -0.3 };
    expect(baselineFromRun(record, makeEvaluation(record), { existing }).thresholds).toEqual({ hpP99ImprovementMinFraction: -0.3 });
  });

  it('refuses an evaluation of another run', () => {
    const record = makeRunRecord();
    const other = makeEvaluation(makeRunRecord('2026-11-21T22-00-00Z-quick-cd34'));
    expect(() => baselineFromRun(record, other)).toThrow('does not belong to run 2026-11-21T21-40-00Z-quick-ab12');
  });
});

describe('updateBaseline', () => {
  it('refuses an invalid run with its reasons and writes nothing', async () => {
    const dir = newDir();
    const record = makeCompleteRunRecord();
    const attempt = updateBaseline(dir, record, makeEvaluation(record, 'invalid'));
    await expect(attempt).rejects.toThrow(BaselineRefusedError);
    await expect(attempt).rejects.toThrow('is never written as a baseline:\n  - the run is invalid: the run is invalid: fixture reason');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a valid run with too few trials or an arm missing, naming each gap', async () => {
    const dir = newDir();
    const record = makeRunRecord(); // quick with 2 trials of hp-alone and baseline only
    const attempt = updateBaseline(dir, record, makeEvaluation(record, 'pass'));
    await expect(attempt).rejects.toThrow('it ran 2 trial(s); scenario quick needs at least 3 (minTrials) for a baseline: run again with PERF_TRIALS=3 or more');
    await expect(attempt).rejects.toThrow('arm xsched of scenario quick was not part of this run (PERF_ARMS removed it)');
    const skipped = makeCompleteRunRecord();
    for (const entry of skipped.trials.filter((t) => t.arm === 'xsched')) Object.assign(entry, { skipped: 'XSCHED_ROOT is not set', workers: [] });
    skipped.trials.find((t) => t.arm === 'lp-alone' && t.trial === 1)!.workers[0] = { ok: false, role: 'lp', logPath: '/x', failure: { kind: 'crash', message: 'boom', exitCode: 7, signal: null, lastLogLines: [] } };
    skipped.trials = skipped.trials.filter((t) => !(t.arm === 'baseline' && t.trial === 2));
    const gaps = updateBaseline(dir, skipped, makeEvaluation(skipped, 'untested'));
    await expect(gaps).rejects.toThrow('arm xsched was not measured in 3 of 3 trial(s) (trial 0: skipped (XSCHED_ROOT is not set); trial 1: skipped');
    await expect(gaps).rejects.toThrow('arm lp-alone was not measured in 1 of 3 trial(s) (trial 1: the lp worker failed (crash))');
    await expect(gaps).rejects.toThrow('arm baseline was not measured in 1 of 3 trial(s) (trial 2: not run)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a run with an injected delay (PERF_INJECT_DELAY_US), however valid, and writes nothing', async () => {
    const dir = newDir();
    const record = makeCompleteRunRecord();
    for (const entry of record.trials.filter((t) => t.arm === 'baseline' || t.arm === 'xsched')) {
      for (const worker of entry.workers) if (worker.ok && worker.role === 'hp') worker.result.options.injectDelayUs = 400;
    }
    const attempt = updateBaseline(dir, record, makeEvaluation(record, 'pass'));
    await expect(attempt).rejects.toThrow('6 worker(s) added an injected delay of 400 us to every request (PERF_INJECT_DELAY_US): a deliberate regression for testing the suite, never a baseline');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a failed (but valid) run, returning the old and new contents', async () => {
    const dir = newDir();
    const record = makeCompleteRunRecord();
    const first = await updateBaseline(dir, record, makeEvaluation(record, 'fail'), NOW);
    expect(first.old).toBeNull();
    expect(JSON.parse(readFileSync(first.path, 'utf8'))).toEqual(first.new);
    const second = await updateBaseline(dir, makeCompleteRunRecord('2026-11-22T08-00-00Z-quick-ffff'), makeEvaluation(makeRunRecord('2026-11-22T08-00-00Z-quick-ffff')));
    expect(second.old).toEqual(first.new);
    expect(second.new.runId).toBe('2026-11-22T08-00-00Z-quick-ffff');
    expect(await readBaseline(dir, baselineKeyFromRun(record))).toEqual(second.new);
  });

  it('does not replace a stored baseline it cannot read', async () => {
    const dir = newDir();
    const record = makeCompleteRunRecord();
    const file = baselinePath(dir, baselineKeyFromRun(record));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{ corrupt');
    await expect(updateBaseline(dir, record, makeEvaluation(record))).rejects.toThrow(/cannot be read, so it is not replaced; fix or delete it: .*not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('{ corrupt');
  });

  it('does not write a baseline that would not read back (NaN statistics)', async () => {
    const dir = newDir();
    const record = makeCompleteRunRecord();
    const evaluation = makeEvaluation(record, 'pass', { baseline: [{ hp: [3, Number.NaN, 9.8], lp: 100 }] });
    await expect(updateBaseline(dir, record, evaluation)).rejects.toThrow('field "arms.baseline.hpP99Ms[0]": must be number, got null');
    expect(existsSync(baselinePath(dir, baselineKeyFromRun(record)))).toBe(false);
  });
});
