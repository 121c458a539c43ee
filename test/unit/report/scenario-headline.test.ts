// The headline of the committed example (examples/h200-intensive-mps/), read from the
// evaluation saved with it: the numbers the verdicts hold, in every report format.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BaselineFile, RunRecord, ScenarioEvaluation } from '../../../perf/lib/documents/types/index.ts';
import { buildScenarioHeadline } from '../../../perf/lib/output/report/scenario-headline.ts';
import { renderStatusBanner } from '../../../perf/lib/output/report/html-banner.ts';
import { renderMarkdownSummary, renderTerminalSummary } from '../../../perf/lib/output/report/index.ts';

const EXAMPLE = new URL('../../../examples/h200-intensive-mps/', import.meta.url);
const record = JSON.parse(readFileSync(new URL('run.json', EXAMPLE), 'utf8')) as RunRecord;
const evaluation = JSON.parse(readFileSync(new URL('evaluation.json', EXAMPLE), 'utf8')) as ScenarioEvaluation;

const storedFromThisRun: BaselineFile = {
  schema: 'xsched-perf.baseline', schemaVersion: 1,
  key: { scenario: 'intensive-mps', platform: 'cuda', gpuName: 'NVIDIA H200', arch: 'sm_90', sharing: 'mps' },
  createdAt: '2026-11-22T01:00:00.000Z', runId: record.runId, workerVersion: '0.1.0', commit: '0123456789abcdef0123', thresholds: {}, arms: {},
};

describe('scenario headline (examples/h200-intensive-mps)', () => {
  it('states the effect with its interval, the lp cost, hp alone, and that no baseline was stored', () => {
    const headline = buildScenarioHeadline(record, evaluation, null);
    expect(headline.effect).toBe('hp P99 (trials pooled) 22.5 ms (xsched) vs 54.7 ms (baseline arm): -58.9%, 95% interval -63.2% to -53.3% [pass]');
    expect(headline.lpCost).toBe('lp loss vs baseline arm 1.1%, 95% interval 0.9% to 1.2%: 3.902 vs 3.944 iter/s, xsched vs baseline arm, mean of trials [pass]');
    expect(headline.hpAlone).toBe('hp P99 (trials pooled) 0.49 ms over 1800 requests');
    expect(headline.storedBaseline).toMatch(/^none for this scenario and hardware/);
  });

  it('says "this run" when the stored baseline was made from the run itself, with its date and commit', () => {
    const line = buildScenarioHeadline(record, evaluation, storedFromThisRun).storedBaseline;
    expect(line).toContain('this run (stored from it)');
    expect(line).toContain(`run ${record.runId}, stored 2026-11-22T01:00:00.000Z, commit 0123456789ab`);
  });

  it('names a baseline of several runs that holds this run, and its runs\' commits', () => {
    const runs = [
      { runId: record.runId, startedAt: '2026-11-22T00:46:39Z', machine: 'GPU-a', commit: 'aaaa' },
      { runId: 'other-1', startedAt: '2026-11-23T00:00:00Z', machine: 'GPU-b', commit: 'bbbb' },
      { runId: 'other-2', startedAt: '2026-11-24T00:00:00Z', machine: 'GPU-b', commit: 'bbbb' },
    ];
    const { commit: _dropped, ...withoutCommit } = storedFromThisRun;
    const line = buildScenarioHeadline(record, evaluation, { ...withoutCommit, runId: runs.map((r) => r.runId).join(','), runs }).storedBaseline;
    expect(line).toContain('made from this run and 2 others: the comparison cannot show a regression; ');
    expect(line).toContain(`3 runs (${record.runId} .. other-2) on 2 machines, stored 2026-11-22T01:00:00.000Z, 2 commits (each run's in the file)`);
  });

  it('names the quantity the xsched hp P99 regression verdict compared: floors or means of trial P99s', () => {
    const regression = (measured: Record<string, number>) => ({
      id: 'regression.xsched.hp-p99', rule: 'r', status: 'pass' as const, measured, threshold: {}, interval: { level: 0.9, low: 0.98, high: 1.2, method: 'm' }, message: 'm', recommendation: null,
    });
    const line = (measured: Record<string, number>) => buildScenarioHeadline(record, { ...evaluation, verdicts: [...evaluation.verdicts, regression(measured)] }, storedFromThisRun).storedBaseline;
    expect(line({ ratio: 1.089, floorOfTrials: 3 })).toContain('; xsched hp P99 (floor of trial P99s) now/stored 1.089 (90% interval 0.980 to 1.200) [pass]');
    expect(line({ ratio: 1.089 })).toContain('; xsched hp P99 (mean of trial P99s) now/stored 1.089');
  });

  it('says what is missing instead of a number when the verdict did not judge', () => {
    const noVerdicts = { ...evaluation, verdicts: [], arms: evaluation.arms.filter((a) => a.arm !== 'hp-alone') };
    const headline = buildScenarioHeadline(record, noVerdicts, null);
    expect(headline.effect).toMatch(/^not measured \(no hp-p99-improvement verdict/);
    expect(headline.lpCost).toMatch(/^not measured/);
    expect(headline.hpAlone).toBe('not measured (the hp-alone arm did not run)');
  });

  it('is in the HTML banner, the terminal summary and the Markdown summary alike', () => {
    const effect = buildScenarioHeadline(record, evaluation, null).effect;
    expect(renderStatusBanner(record, evaluation, null)).toContain(`<dt>effect</dt><dd>${effect}</dd>`);
    expect(renderTerminalSummary([{ record, evaluation }], { color: false })).toContain(`  effect: ${effect}\n`);
    expect(renderMarkdownSummary([{ record, evaluation }])).toContain('- effect: hp P99 (trials pooled) 22.5 ms (xsched) vs 54.7 ms (baseline arm): -58.9%');
  });
});
