import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { maybeUpdateBaseline } from '../../../perf/lib/store/baselines/maybe-update.ts';
import { makeCompleteRunRecord, makeEvaluation, makeRunRecord, withEncodedHistograms } from './run-fixture.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

function setup(update: boolean | 'append') {
  const cwd = makeTempDir('maybe-update-');
  const settings = loadSettings(update === false ? {} : { PERF_UPDATE_BASELINES: update === true ? '1' : update }, cwd);
  const lines: string[] = [];
  return { settings, lines, log: (text: string) => lines.push(text), baselines: join(cwd, 'baselines') };
}

describe('maybeUpdateBaseline', () => {
  it('does nothing unless PERF_UPDATE_BASELINES is set', async () => {
    const { settings, lines, log, baselines } = setup(false);
    const record = makeRunRecord();
    expect(await maybeUpdateBaseline(settings, record, makeEvaluation(record), log)).toEqual({ action: 'not-requested' });
    expect([lines, existsSync(baselines)]).toEqual([[], false]);
  });

  it('refuses an invalid run and prints why', async () => {
    const { settings, lines, log, baselines } = setup(true);
    const record = makeCompleteRunRecord();
    const result = await maybeUpdateBaseline(settings, record, makeEvaluation(record, 'invalid'), log);
    expect(result).toEqual({ action: 'refused', reasons: ['the run is invalid: the run is invalid: fixture reason'] });
    expect(lines[0]).toContain('Baseline NOT updated from run 2026-11-21T21-40-00Z-quick-ab12 (quick):\n  - the run is invalid: the run is invalid: fixture reason');
    expect(existsSync(baselines)).toBe(false);
  });

  it('refuses a valid run with fewer trials than the scenario needs', async () => {
    const { settings, lines, log, baselines } = setup(true);
    const record = makeRunRecord();
    const result = await maybeUpdateBaseline(settings, record, makeEvaluation(record, 'pass'), log);
    expect(result.action).toBe('refused');
    expect(lines[0]).toContain('it ran 2 trial(s); scenario quick needs at least 3 (minTrials)');
    expect(existsSync(baselines)).toBe(false);
  });

  it('writes a valid run and prints the old-vs-new table', async () => {
    const { settings, lines, log, baselines } = setup(true);
    const record = makeCompleteRunRecord();
    const result = await maybeUpdateBaseline(settings, record, makeEvaluation(record, 'inconclusive'), log);
    expect(result.action).toBe('written');
    expect(existsSync(join(baselines, 'quick', 'cuda-sm_90-nvidia-h100-80gb-hbm3-time-sliced.json'))).toBe(true);
    expect(lines[0]).toContain('metric (median of trials)');
  });

  it('with append, makes the first run a baseline, adds the next, and refuses one of another workload', async () => {
    const { settings, lines, log, baselines } = setup('append');
    const file = join(baselines, 'quick', 'cuda-sm_90-nvidia-h100-80gb-hbm3-time-sliced.json');
    const first = makeCompleteRunRecord('2026-11-21T21-40-00Z-quick-ab12');
    expect((await maybeUpdateBaseline(settings, first, withEncodedHistograms(makeEvaluation(first, 'pass'), [1, 2]), log)).action).toBe('written');
    expect(JSON.parse(readFileSync(file, 'utf8')).runs).toBeUndefined();

    const second = makeCompleteRunRecord('2026-11-22T08-00-00Z-quick-cd34');
    second.createdAt = '2026-11-22T08:00:00.000Z';
    const added = await maybeUpdateBaseline(settings, second, withEncodedHistograms(makeEvaluation(second, 'pass'), [1, 2]), log);
    expect(added.action === 'written' && added.change.new.runs?.map((r) => r.runId)).toEqual([first.runId, second.runId]);
    expect(lines[1]).toContain(`new: 2 runs (${first.runId} .. ${second.runId})`);

    const longer = makeCompleteRunRecord('2026-11-23T08-00-00Z-quick-ef56');
    longer.scenario = { ...longer.scenario, durationMs: 30_000 };
    const before = readFileSync(file, 'utf8');
    const refused = await maybeUpdateBaseline(settings, longer, withEncodedHistograms(makeEvaluation(longer, 'pass'), [1, 2]), log);
    expect(refused.action).toBe('refused');
    expect(lines[2]).toMatch(/^Baseline NOT updated from run 2026-11-23T08-00-00Z-quick-ef56 \(quick\): PERF_UPDATE_BASELINES=append: the stored baseline \(2 runs .*\) and run 2026-11-23T08-00-00Z-quick-ef56 were measured with different workloads: durationMs 10000 -> 30000 \(stored -> /);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
