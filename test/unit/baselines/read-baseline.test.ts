import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineKeyFromRun, baselinePath } from '../../../perf/lib/store/baselines/key.ts';
import { readBaseline } from '../../../perf/lib/store/baselines/read-baseline.ts';
import { updateBaseline } from '../../../perf/lib/store/baselines/update-baseline.ts';
import { makeCompleteRunRecord, makeEvaluation } from './run-fixture.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const record = makeCompleteRunRecord();
const key = baselineKeyFromRun(record);

/** A directory holding a good baseline for `key`, and the parsed JSON to break. */
async function storedBaseline(): Promise<{ dir: string; file: string; json: Record<string, any> }> {
  const dir = makeTempDir('baselines-');
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

const RUN_A = { runId: 'run-a', startedAt: '2026-11-30T10:00:00Z', machine: 'GPU-aaaa' };
const RUN_B = { runId: 'run-b', startedAt: '2026-11-30T12:00:00Z' };

/** Turns the stored file into a baseline of two runs (each arm's trials alternating between them), then breaks it. */
function withRuns(json: Record<string, any>, breakIt: (arms: Record<string, any>) => unknown): void {
  // A baseline of several runs names each run's machine in runs, none of its own.
  delete json.machine;
  json.runs = [RUN_A, RUN_B];
  for (const arm of Object.values<Record<string, any>>(json.arms)) {
    const trials = Math.max(arm.hpP99Ms.length, arm.lpIterPerSec.length);
    arm.trialRuns = Array.from({ length: trials }, (_, i) => i % 2);
  }
  breakIt(json.arms);
}

const XSCHED_SETTINGS = { policy: 'HPF', level: 1, hp: { priority: 1, threshold: 16, batchSize: 8 }, lp: { priority: 0, threshold: 4, batchSize: 2 } };

describe('readBaseline', () => {
  it('gives null when there is no file', async () => {
    expect(await readBaseline(makeTempDir('baselines-'), key)).toBeNull();
  });

  it('reads back what updateBaseline wrote, workload included', async () => {
    const { dir, json } = await storedBaseline();
    const read = await readBaseline(dir, key);
    expect(read).toEqual(json);
    expect(read?.workload?.durationMs).toBe(10_000);
  });

  it('reads an older file that does not record its workload, without adding one', async () => {
    const { dir, file, json } = await storedBaseline();
    delete json.workload;
    writeFileSync(file, JSON.stringify(json));
    const read = await readBaseline(dir, key);
    expect(read).toEqual(json);
    expect(read !== null && 'workload' in read).toBe(false);
  });

  it('reads the XSched settings of the xsched arm when the file has them', async () => {
    const { dir, file, json } = await storedBaseline();
    json.xschedSettings = XSCHED_SETTINGS;
    writeFileSync(file, JSON.stringify(json));
    expect((await readBaseline(dir, key))?.xschedSettings).toEqual(XSCHED_SETTINGS);
  });

  const cases: Array<[string, (json: Record<string, any>) => unknown, string]> = [
    ['a missing field', (j) => delete j.runId, 'field "runId": is missing'],
    ['a mistyped per-trial value', (j) => (j.arms.baseline.hpP99Ms[1] = '8'), 'field "arms.baseline.hpP99Ms[1]": must be number, got "8"'],
    ['an older schemaVersion', (j) => (j.schemaVersion = 0), 'field "schemaVersion": schemaVersion 0 is older than this suite\'s 1: remove it and store a new one: rm \''],
    ['a newer schemaVersion', (j) => (j.schemaVersion = 2), 'field "schemaVersion": schemaVersion 2 is newer than this suite\'s 1'],
    ['another schema', (j) => (j.schema = 'xsched-perf.run'), 'field "schema": expected "xsched-perf.baseline" (is this the right file?), got "xsched-perf.run"'],
    ['a key for other hardware', (j) => (j.key.gpuName = 'AMD Instinct MI210'), 'field "key.gpuName": is "AMD Instinct MI210" but the file is looked up for "NVIDIA H100 80GB HBM3"'],
    ['a misspelt threshold', (j) => (j.thresholds = { hpP99ImprovementMin: 0.2 }), 'field "thresholds.hpP99ImprovementMin": unknown field; known fields here: hpAchievedRateMinFraction'],
    ['a threshold out of range', (j) => (j.thresholds = { lpThroughputLossMaxFraction: 10 }), 'field "thresholds.lpThroughputLossMaxFraction": must be < 1, got 10'],
    ['an unknown arm', (j) => (j.arms.native = j.arms.baseline), 'field "arms.native": unknown field; known fields here: hp-alone, lp-alone'],
    ['per-trial arrays of different lengths', (j) => j.arms.baseline.hpP50Ms.pop(), 'field "arms.baseline": hpP50Ms, hpAchievedRateHz and hpP99Ms must have one value per trial each (the same length), got '],
    ['a bad date', (j) => (j.createdAt = 'yesterday'), 'field "createdAt": must be an ISO 8601 date, got "yesterday"'],
    ['a misspelt workload field', (j) => (j.workload.hp.rateHZ = 20), 'field "workload.hp.rateHZ": unknown field; known fields here: model, batch, imageSize, rateHz, arrival'],
    ['an unknown workload part', (j) => (j.workload.trials = 3), 'field "workload.trials": unknown field; known fields here: hp, lp, durationMs'],
    ['a workload duration in text', (j) => (j.workload.durationMs = '30000'), 'field "workload.durationMs": must be number, got "30000"'],
    ['a zero hp rate', (j) => (j.workload.hp.rateHz = 0), 'field "workload.hp.rateHz": must be > 0, got 0'],
    ['an unknown arrival process', (j) => (j.workload.hp.arrival = 'bursty'), 'field "workload.hp.arrival": must be one of "uniform" | "poisson", got "bursty"'],
    ['a missing lp batch', (j) => delete j.workload.lp.batch, 'field "workload.lp.batch": is missing'],
    ['an lp arrival process', (j) => (j.workload.lp.arrival = 'uniform'), 'field "workload.lp.arrival": unknown field; known fields here: model, batch, imageSize'],
    ['a misspelt XSched setting', (j) => (j.xschedSettings = { ...XSCHED_SETTINGS, lp: { priority: 0, threshold: 4, batch: 2 } }), 'field "xschedSettings.lp.batch": unknown field; known fields here: priority, threshold, batchSize'],
    ['trial runs in a baseline of one run', (j) => (j.arms.baseline.trialRuns = [0, 0]), 'field "arms.baseline.trialRuns": is set, but the baseline lists no runs (runs)'],
    ['a baseline of one listed run', (j) => (j.runs = [RUN_A]), 'field "runs": must be >= 2'],
    ['an arm of several runs without trial runs', (j) => withRuns(j, (arms) => delete arms.baseline.trialRuns), 'field "arms.baseline.trialRuns": is missing: a baseline of several runs (runs: 2) says which run each trial came from'],
    ['a machine beside several runs', (j) => withRuns(j, () => (j.machine = 'GPU-1')), 'field "machine": is set, but the baseline lists 2 runs, each with its own machine (runs[].machine): remove it'],
    ['a trial run that is not listed', (j) => withRuns(j, (arms) => (arms.baseline.trialRuns[1] = 2)), 'field "arms.baseline.trialRuns": has 2, but the baseline lists only 2 runs (indexes 0 to 1)'],
    ['trial runs of another length than the trials', (j) => withRuns(j, (arms) => arms.baseline.trialRuns.pop()), 'field "arms.baseline": trialRuns must have one entry per trial'],
    ['a zero XSched threshold', (j) => (j.xschedSettings = { ...XSCHED_SETTINGS, hp: { priority: 1, threshold: 0, batchSize: 8 } }), 'field "xschedSettings.hp.threshold": must be >= 1, got 0'],
  ];
  it.each(cases)('names the file and the field for %s', async (_what, breakIt, expected) => {
    const { dir, file, json } = await storedBaseline();
    breakIt(json);
    writeFileSync(file, JSON.stringify(json));
    expect(await readError(dir)).toContain(`${file}: ${expected}`);
  });

  it('reads a baseline of several runs, with the run of each trial', async () => {
    const { dir, file, json } = await storedBaseline();
    withRuns(json, () => undefined);
    writeFileSync(file, JSON.stringify(json));
    const read = await readBaseline(dir, key);
    expect(read?.runs).toEqual([RUN_A, RUN_B]);
    expect(read?.arms.baseline?.trialRuns).toEqual(json.arms.baseline.trialRuns);
  });

  it('names the file for corrupt JSON and for an empty file', async () => {
    const dir = makeTempDir('baselines-');
    const file = baselinePath(dir, key);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{"schema": "xsched-perf.baseline",');
    expect(await readError(dir)).toMatch(/^.*\.json: not valid JSON \(.+\)$/);
    expect(await readError(dir)).toContain(file);
    writeFileSync(file, '');
    expect(await readError(dir)).toBe(`${file}: the file is empty, expected JSON`);
  });
});
