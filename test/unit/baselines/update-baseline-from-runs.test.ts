// updateBaselineFromRuns (perf/lib/store/baselines/update-baseline.ts): writing one baseline of
// several runs, refused as a whole when any run may not be a baseline; and appendToStoredBaseline,
// adding runs to the stored one.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunsNotCombinableError } from '../../../perf/lib/store/baselines/from-runs.ts';
import { baselineKeyFromRun, baselinePath } from '../../../perf/lib/store/baselines/key.ts';
import { readBaseline } from '../../../perf/lib/store/baselines/read-baseline.ts';
import { appendToStoredBaseline, BaselineRefusedError, updateBaseline, updateBaselineFromRuns } from '../../../perf/lib/store/baselines/update-baseline.ts';
import { formatBaselineChange } from '../../../perf/lib/store/baselines/format-change.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { makeCompleteRunRecord, makeEvaluation, withEncodedHistograms } from './run-fixture.ts';

const NOW = new Date('2026-11-30T15:00:00.000Z');
const A = '2026-11-30T09-35-11Z-quick-42de';
const B = '2026-11-30T12-00-00Z-quick-5678';

function completeRun(runId: string, createdAt: string, status: 'pass' | 'invalid' = 'pass') {
  const record = makeCompleteRunRecord(runId);
  record.createdAt = createdAt;
  return { record, evaluation: withEncodedHistograms(makeEvaluation(record, status), [1, 2]) };
}

describe('updateBaselineFromRuns', () => {
  it('writes one baseline of the runs that reads back, and keeps the replaced one\'s thresholds', async () => {
    const dir = makeTempDir('baselines-');
    const first = completeRun(A, '2026-11-30T09:35:11.000Z');
    const stored = await updateBaseline(dir, first.record, first.evaluation, NOW);
    const file = baselinePath(dir, baselineKeyFromRun(first.record));
    writeFileSync(file, JSON.stringify({ ...stored.new, thresholds: { regressionP99Tolerance: 0.2 } }));

    const change = await updateBaselineFromRuns(dir, [completeRun(B, '2026-11-30T12:00:00.000Z'), first], NOW);
    expect(change.path).toBe(file);
    expect(change.old?.runId).toBe(A);
    expect(change.new.thresholds).toEqual({ regressionP99Tolerance: 0.2 });
    expect(change.new.runs?.map((r) => r.runId)).toEqual([A, B]);
    expect(change.new.arms.baseline?.trialRuns).toEqual([0, 0, 1, 1]);
    expect(await readBaseline(dir, baselineKeyFromRun(first.record))).toEqual(change.new);
    expect(formatBaselineChange(change).split('\n').slice(1, 3)).toEqual([
      `  old: run ${A}, written ${NOW.toISOString()}`,
      `  new: 2 runs (${A} .. ${B}) on 1 machine, written ${NOW.toISOString()}`,
    ]);
  });

  it('refuses every run when one is incomplete or invalid, naming each run and reason, and writes nothing', async () => {
    const dir = makeTempDir('baselines-');
    const gappy = completeRun(B, '2026-11-30T12:00:00.000Z');
    gappy.record.trials = gappy.record.trials.filter((t) => !(t.arm === 'lp-alone' && t.trial === 2));
    const invalid = completeRun('2026-11-30T14-50-00Z-quick-abcd', '2026-11-30T14:50:00.000Z', 'invalid');
    const attempt = updateBaselineFromRuns(dir, [completeRun(A, '2026-11-30T09:35:11.000Z'), gappy, invalid], NOW);
    await expect(attempt).rejects.toThrow(BaselineRefusedError);
    await expect(attempt).rejects.toThrow(
      [
        `the runs ${A}, ${B}, 2026-11-30T14-50-00Z-quick-abcd are never written as a baseline: every run of it must be a valid, complete run:`,
        `  - run ${B}: arm lp-alone was not measured in 1 of 3 trial(s) (trial 2: not run): a baseline covers every arm x trial`,
        '  - run 2026-11-30T14-50-00Z-quick-abcd: the run is invalid: the run is invalid: fixture reason',
      ].join('\n'),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses runs that differ before reading or writing any file', async () => {
    const dir = makeTempDir('baselines-');
    const longer = completeRun(B, '2026-11-30T12:00:00.000Z');
    longer.record.scenario.durationMs = 30_000;
    const attempt = updateBaselineFromRuns(dir, [completeRun(A, '2026-11-30T09:35:11.000Z'), longer], NOW);
    await expect(attempt).rejects.toThrow(RunsNotCombinableError);
    await expect(attempt).rejects.toThrow(`runs ${A} and ${B} were measured with different workloads: durationMs 10000 -> 30000`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not replace a stored baseline it cannot read', async () => {
    const dir = makeTempDir('baselines-');
    const first = completeRun(A, '2026-11-30T09:35:11.000Z');
    const file = baselinePath(dir, baselineKeyFromRun(first.record));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{ corrupt');
    await expect(updateBaselineFromRuns(dir, [first, completeRun(B, '2026-11-30T12:00:00.000Z')], NOW)).rejects.toThrow(
      /cannot be read, so it is not replaced; fix or delete it: .*not valid JSON/,
    );
    expect(readFileSync(file, 'utf8')).toBe('{ corrupt');
  });
});

describe('appendToStoredBaseline', () => {
  it('adds a run to the stored baseline and writes it; with none stored, says where it looked and writes nothing', async () => {
    const dir = makeTempDir('baselines-');
    const second = completeRun(B, '2026-11-30T12:00:00.000Z');
    const path = baselinePath(dir, baselineKeyFromRun(second.record));
    await expect(appendToStoredBaseline(dir, [second], NOW)).rejects.toThrow(`no stored baseline to add run ${B} to (looked for ${path}): write one first`);
    expect(readdirSync(dir)).toEqual([]);
    const first = completeRun(A, '2026-11-30T09:35:11.000Z');
    await updateBaseline(dir, first.record, first.evaluation, NOW);
    const change = await appendToStoredBaseline(dir, [second], NOW);
    expect([change.old?.runId, change.new.runId]).toEqual([A, `${A},${B}`]);
    expect((await readBaseline(dir, baselineKeyFromRun(first.record)))?.runs?.map((r) => r.runId)).toEqual([A, B]);
  });

  it('refuses an invalid run in the words for one run', async () => {
    const dir = makeTempDir('baselines-');
    const invalid = completeRun(B, '2026-11-30T12:00:00.000Z', 'invalid');
    await expect(appendToStoredBaseline(dir, [invalid], NOW)).rejects.toThrow(
      `run ${B} is never written into a baseline: it must be a valid, complete run:\n  - run ${B}: the run is invalid: the run is invalid: fixture reason`,
    );
  });
});
