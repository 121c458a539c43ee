import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineKeyFromRun, baselinePath } from '../../../perf/lib/baselines/key.ts';
import { readBaseline } from '../../../perf/lib/baselines/read-baseline.ts';
import { updateBaseline } from '../../../perf/lib/baselines/update-baseline.ts';
import { makeEvaluation, makeRunRecord } from './run-fixture.ts';

const record = makeRunRecord();
const key = baselineKeyFromRun(record);

/** A directory holding a good baseline for `key`, and the parsed JSON to break. */
async function storedBaseline(): Promise<{ dir: string; file: string; json: Record<string, any> }> {
  const dir = mkdtempSync(join(tmpdir(), 'baselines-'));
  const { path, new: written } = await updateBaseline(dir, record, makeEvaluation(record));
  return { dir, file: path, json: JSON.parse(JSON.stringify(written)) };
}

async function readError(dir: string): Promise<string> {
  try {
    await readBaseline(dir, key);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected readBaseline to throw');
}

describe('readBaseline', () => {
  it('gives null when there is no file', async () => {
    expect(await readBaseline(mkdtempSync(join(tmpdir(), 'baselines-')), key)).toBeNull();
  });

  it('reads back what updateBaseline wrote', async () => {
    const { dir, json } = await storedBaseline();
    expect(await readBaseline(dir, key)).toEqual(json);
  });

  const cases: Array<[string, (json: Record<string, any>) => unknown, string]> = [
    ['a missing field', (j) => delete j.runId, 'field "runId": expected a string, got nothing (the field is missing)'],
    ['a mistyped per-trial value', (j) => (j.arms.baseline.hpP99Ms[1] = '8'), 'field "arms.baseline.hpP99Ms[1]": expected a finite number >= 0, got "8"'],
    ['an older schemaVersion', (j) => (j.schemaVersion = 0), 'field "schemaVersion": schemaVersion 0 is older than this suite\'s 1: re-create it with npm run perf:update-baselines'],
    ['a newer schemaVersion', (j) => (j.schemaVersion = 2), 'field "schemaVersion": schemaVersion 2 is newer than this suite\'s 1'],
    ['another schema', (j) => (j.schema = 'xsched-perf.run'), 'field "schema": expected "xsched-perf.baseline" (is this the right file?), got "xsched-perf.run"'],
    ['a key for other hardware', (j) => (j.key.gpuName = 'AMD Instinct MI210'), 'field "key.gpuName": is "AMD Instinct MI210" but the file is looked up for "NVIDIA H100 80GB HBM3"'],
    ['a misspelt threshold', (j) => (j.thresholds = { hpP99ImprovementMin: 0.2 }), 'field "thresholds.hpP99ImprovementMin": unknown field; known fields here: hpAchievedRateMinFraction'],
    ['a threshold out of range', (j) => (j.thresholds = { lpThroughputLossMaxFraction: 10 }), 'field "thresholds.lpThroughputLossMaxFraction": expected a finite number >= 0 and < 1, got 10'],
    ['an unknown arm', (j) => (j.arms.native = j.arms.baseline), 'field "arms.native": unknown field; known fields here: hp-alone, lp-alone'],
    ['per-trial arrays of different lengths', (j) => j.arms.baseline.hpP50Ms.pop(), 'field "arms.baseline.hpP50Ms": has 1 per-trial values but hpP99Ms has 2'],
    ['a bad date', (j) => (j.createdAt = 'yesterday'), 'field "createdAt": expected an ISO 8601 date, got "yesterday"'],
  ];
  it.each(cases)('names the file and the field for %s', async (_what, breakIt, expected) => {
    const { dir, file, json } = await storedBaseline();
    breakIt(json);
    writeFileSync(file, JSON.stringify(json));
    expect((await readError(dir)).startsWith(`${file}: ${expected}`)).toBe(true);
  });

  it('names the file for corrupt JSON and for an empty file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baselines-'));
    const file = baselinePath(dir, key);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{"schema": "xsched-perf.baseline",');
    expect(await readError(dir)).toMatch(/^.*\.json: not valid JSON \(.+\)$/);
    expect(await readError(dir)).toContain(file);
    writeFileSync(file, '');
    expect(await readError(dir)).toBe(`${file}: the file is empty, expected JSON`);
  });
});
