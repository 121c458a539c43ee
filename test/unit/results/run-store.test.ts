import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuns } from '../../../perf/lib/store/results/list-runs.ts';
import { loadEvaluation, loadRunRecord } from '../../../perf/lib/store/results/load-run.ts';
import { createRunDirectory, parseRunId } from '../../../perf/lib/store/results/run-directory.ts';
import { saveEvaluation, saveRunRecord } from '../../../perf/lib/store/results/save-run.ts';
import { makeEvaluation, makeRunRecord } from '../baselines/run-fixture.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const newRoot = () => join(makeTempDir('results-'), 'results');
const NOW = new Date('2026-11-21T21:40:00.123Z');

async function loadError(pathOrDir: string): Promise<string> {
  try {
    await loadRunRecord(pathOrDir);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected loadRunRecord to throw');
}

describe('createRunDirectory', () => {
  it('names the run by UTC time, scenario and a random suffix, with logs/ and workers/ inside', async () => {
    const root = newRoot();
    const { runId, dir } = await createRunDirectory(root, 'standard-mps', NOW);
    expect(runId).toMatch(/^2026-11-21T21-40-00Z-standard-mps-[0-9a-f]{4}$/);
    expect(dir).toBe(join(root, runId));
    expect(readdirSync(dir).sort()).toEqual(['logs', 'workers']);
    expect(parseRunId(runId)).toEqual({ createdAt: '2026-11-21T21:40:00Z', scenario: 'standard-mps' });
  });

  it('never reuses a directory for runs started in the same second', async () => {
    const root = newRoot();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await createRunDirectory(root, 'quick', NOW)).runId);
    expect(ids.size).toBe(20);
  });
});

describe('run record and evaluation', () => {
  it('load back exactly as saved, from the directory or the file path', async () => {
    const { dir, runId } = await createRunDirectory(newRoot(), 'quick', NOW);
    const record = makeRunRecord(runId);
    const evaluation = makeEvaluation(record);
    expect(await saveRunRecord(dir, record)).toBe(join(dir, 'run.json'));
    expect(await saveEvaluation(dir, evaluation)).toBe(join(dir, 'evaluation.json'));
    expect(await loadRunRecord(dir)).toEqual(record);
    expect(await loadRunRecord(join(dir, 'run.json'))).toEqual(record);
    expect(await loadEvaluation(dir)).toEqual(evaluation);
  });

  it('refuse to save what would not load back (NaN), leaving no file', async () => {
    const { dir } = await createRunDirectory(newRoot(), 'quick', NOW);
    const record = makeRunRecord();
    record.scenario.hp.rateHz = Number.NaN;
    await expect(saveRunRecord(dir, record)).rejects.toThrow('field "scenario.hp.rateHz": must be number, got null');
    expect(existsSync(join(dir, 'run.json'))).toBe(false);
  });

  const cases: Array<[string, (json: any) => unknown, string]> = [
    ['a missing fingerprint field', (j) => delete j.trials[1].workers[0].result.fingerprint.gpu.arch, 'field "trials[1].workers[0].result.fingerprint.gpu.arch": is missing'],
    ['a malformed request tuple', (j) => (j.trials[0].workers[0].result.requests[0] = [0, 1]), 'field "trials[0].workers[0].result.requests[0][2]": must be number, got nothing'],
    ['an older run schemaVersion', (j) => (j.schemaVersion = 0), 'field "schemaVersion": schemaVersion 0 is older than this suite\'s 1'],
    ['a mistyped scenario value', (j) => (j.scenario.trials = '3'), 'field "scenario.trials": must be number, got "3"'],
    ['a start instant that is not a decimal', (j) => (j.trials[0].startNs = '-5'), 'field "trials[0].startNs": must be a decimal nanosecond count, got "-5"'],
  ];
  it.each(cases)('loading names the file and the field for %s', async (_what, breakIt, expected) => {
    const { dir } = await createRunDirectory(newRoot(), 'quick', NOW);
    const file = await saveRunRecord(dir, makeRunRecord());
    const json = JSON.parse(readFileSync(file, 'utf8'));
    breakIt(json);
    writeFileSync(file, JSON.stringify(json));
    expect((await loadError(dir)).startsWith(`${file}: ${expected}`)).toBe(true);
  });

  it('loading names a path that does not exist', async () => {
    expect(await loadError('/nonexistent/run')).toBe('/nonexistent/run: no such run directory or file');
  });
});

describe('listRuns', () => {
  it('lists run directories oldest first, ignoring anything else', async () => {
    const root = newRoot();
    const later = await createRunDirectory(root, 'standard', new Date('2026-11-22T08:00:00Z'));
    const earlier = await createRunDirectory(root, 'quick', NOW);
    await saveRunRecord(earlier.dir, makeRunRecord(earlier.runId));
    mkdirSync(join(root, 'not-a-run'));
    writeFileSync(join(root, 'latest.json'), '{}');
    const runs = await listRuns(root);
    expect(runs.map((r) => [r.runId, r.scenario, r.hasRecord, r.hasEvaluation])).toEqual([
      [earlier.runId, 'quick', true, false],
      [later.runId, 'standard', false, false],
    ]);
  });

  it('gives none for a results directory that does not exist yet', async () => {
    expect(await listRuns(newRoot())).toEqual([]);
  });
});
