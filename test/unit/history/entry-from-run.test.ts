import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../perf/lib/documents/types/evaluation.ts';
import { historyEntryFromRun } from '../../../perf/lib/store/history/entry-from-run.ts';
import { openHistoryStore, parseHistoryUrl } from '../../../perf/lib/store/history/open-history-store.ts';
import { recordRunInHistory } from '../../../perf/lib/store/history/record-run.ts';
import { makeCompleteRunRecord, makeEvaluation, makeRunRecord } from '../baselines/run-fixture.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const withSource = () => ({
  ...makeRunRecord(),
  source: { git: { available: true as const, commit: 'abc1234def', branch: 'main', dirty: false, commitTime: '2026-11-21T20:00:00.000Z' }, xsched: { root: '/opt/xsched', version: '1.2.0', from: 'VERSION in XSCHED_ROOT' } },
});

const improvement: Verdict = {
  id: 'hp-p99-improvement', rule: 'r', status: 'pass', measured: { improvementFraction: 0.59 }, threshold: { hpP99ImprovementMinFraction: 0.5 },
  interval: { level: 0.95, low: 0.53, high: 0.63, method: 'paired t' }, message: '', recommendation: null,
};

describe('historyEntryFromRun', () => {
  it('keeps key, source, fingerprint versions and per-arm per-trial values with their range', () => {
    const record = withSource();
    const evaluation = { ...makeEvaluation(record), verdicts: [improvement] };
    const entry = historyEntryFromRun(record, evaluation, 'run');
    expect(entry?.run).toMatchObject({
      // 2 trials: below the scenario's minTrials, so not a run a baseline may come from.
      key: { scenario: record.scenario.name, platform: 'cuda' }, status: 'pass', accepted: false, commit: 'abc1234def', branch: 'main',
      dirty: false, xschedVersion: '1.2.0', gitNote: null, hostname: 'gpu-host',
    });
    expect(entry?.run.workerVersion).toBe(record.trials[0]?.workers[0]?.ok ? record.trials[0].workers[0].result.fingerprint.workerVersion : null);
    const baselineP99 = entry?.points.find((p) => p.arm === 'baseline' && p.metric === 'hpP99Ms');
    expect(baselineP99).toMatchObject({ trials: [6, 8], low: 6, high: 8, intervalMethod: 'range of 2 per-trial values' });
    const xsched = entry?.points.find((p) => p.metric === 'hpP99ImprovementFraction');
    expect(xsched).toMatchObject({ arm: 'xsched', value: 0.59, low: 0.53, high: 0.63, thresholdName: 'hpP99ImprovementMinFraction', threshold: 0.5 });
  });

  it('accepts exactly the runs a stored baseline may come from (complete, valid, minTrials)', () => {
    const complete = makeCompleteRunRecord();
    expect(historyEntryFromRun(complete, makeEvaluation(complete), 'run')?.run.accepted).toBe(true);
  });

  it('records invalid runs as not accepted, aborted ones with no numbers', () => {
    const record = withSource();
    expect(historyEntryFromRun(record, makeEvaluation(record, 'invalid'), 'run')?.run).toMatchObject({ status: 'invalid', accepted: false });
    expect(historyEntryFromRun(record, null, 'run')).toMatchObject({ run: { status: 'aborted', accepted: false }, points: [] });
  });

  it('says why a run has no commit instead of inventing one', () => {
    const old = historyEntryFromRun(makeRunRecord(), makeEvaluation(makeRunRecord()), 'run.json');
    expect(old?.run).toMatchObject({ commit: null, gitNote: 'run recorded before runs kept their source' });
    const plain = { ...makeRunRecord(), source: { git: { available: false as const, reason: 'not a git checkout' }, xsched: null } };
    expect(historyEntryFromRun(plain, makeEvaluation(plain), 'run')?.run).toMatchObject({ commit: null, gitNote: 'not a git checkout', xschedVersion: null });
  });
});

describe('PERF_HISTORY_URL and automatic recording', () => {
  it('rejects an unknown scheme, quoting the value', () => {
    expect(() => parseHistoryUrl('mysql://x')).toThrow(/PERF_HISTORY_URL="mysql:\/\/x" is not a history store/);
    expect(parseHistoryUrl('postgresql://u:p@h/db')).toEqual({ backend: 'postgres', url: 'postgresql://u:p@h/db' });
  });

  it('records a finished run once when a store is configured, and nothing when none is', async () => {
    const file = join(makeTempDir('history-record-'), 'h.sqlite');
    const record = withSource();
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    await recordRunInHistory(record, makeEvaluation(record, 'invalid'), 'results/x', log, {});
    expect(lines).toEqual([]);
    await recordRunInHistory(record, makeEvaluation(record, 'invalid'), 'results/x', log, { PERF_HISTORY_URL: `sqlite:${file}` });
    await recordRunInHistory(record, makeEvaluation(record, 'invalid'), 'results/x', log, { PERF_HISTORY_URL: `sqlite:${file}` });
    expect(lines[0]).toMatch(/recorded \(invalid, not accepted\)/);
    expect(lines[1]).toMatch(/already there/);
    const store = await openHistoryStore({ backend: 'sqlite', file });
    expect((await store.query({ acceptedOnly: true })).length).toBe(0);
    expect((await store.query()).map((e) => e.run.status)).toEqual(['invalid']);
    await store.close();
  });

  it('does not fail the run when the store cannot be opened, and says how to backfill', async () => {
    const lines: string[] = [];
    const record = withSource();
    const notADir = join(makeTempDir('history-record-'), 'file');
    writeFileSync(notADir, '');
    await recordRunInHistory(record, makeEvaluation(record), 'results/x', (l) => void lines.push(l), { PERF_HISTORY_URL: `sqlite:${notADir}/h.sqlite` });
    expect(lines[0]).toMatch(/NOT recorded: .*npm run perf:history -- import results\/x/);
  });
});
