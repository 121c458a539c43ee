// Stops of a real `vitest run --project perf` (main process + its fork running the
// scenario) with the fake worker test double: whatever stops it, no worker survives
// 3 s later, run.json says `aborted` with what was measured, and no temporary file is
// left. One nested Vitest per stop path, each with short durations and only the quick spec
// file. The first runs alone, to its stop, and the other two (concurrent) after it: by then it
// has filled the shared module cache (vitest.config.ts), which they read instead of each
// transforming perf/lib again (a nested run: 7.7 s of CPU cold, 4.8 s warm, docs/benchmarks.md),
// and its 3 s stop window does not overlap their start-up.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../perf/lib/process/daemon/process-alive.ts';
import { waitUntil } from '../../../perf/lib/process/daemon/wait-until.ts';
import { compiledDouble } from '../../doubles/compiled.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const fakeWorker = compiledDouble('fake-worker');
const work = mkdtempSync(join(tmpdir(), 'xsched-perf-stops-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Workers of this test's run: their command line names its results directory. */
function workerPids(resultsDir: string): number[] {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number).filter((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes(basename(fakeWorker)) && cmdline.includes(resultsDir);
    } catch {
      return false;
    }
  });
}

/** Settles once the first nested run has been stopped (or has failed): the others wait for it. */
let firstRunWarm: () => void = () => undefined;
const moduleCacheWarm = new Promise<void>((resolve) => {
  firstRunWarm = resolve;
});

function startSuite(name: string, durationS: string): { suite: ResultPromise; resultsDir: string } {
  const resultsDir = join(work, name);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PERF_') && !k.startsWith('XSCHED_')));
  // Only the quick spec file: the others would only skip, each in a fork of its own.
  const suite = execa(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'perf', 'perf/quick.perf.ts'], {
    cwd: repoRoot,
    env: {
      ...clean, CI: '1', PERF_WORKER: fakeWorker, PERF_SCENARIOS: 'quick', PERF_TRIALS: '1', PERF_START_LEAD_MS: '400',
      PERF_DURATION_S: durationS, PERF_HP_RATE_HZ: '200', PERF_RESULTS_DIR: resultsDir, PERF_BASELINES_DIR: join(work, `${name}-baselines`),
      FAKE_WORKER_HP_LATENCY_MS: '0.3', FAKE_WORKER_LP_ITER_MS: '5',
    },
    extendEnv: false,
    detached: true, // its own process group, as a CI step or a terminal gives it
    reject: false,
    all: true,
  });
  return { suite, resultsDir };
}

async function waitForWorkers(resultsDir: string): Promise<number[]> {
  const pids = await waitUntil(() => {
    const found = workerPids(resultsDir);
    return found.length > 0 ? found : null;
  }, { timeoutMs: 60_000, intervalMs: 100 });
  if (pids === null) throw new Error(`no worker started under ${resultsDir}`);
  return pids;
}

/** The one run directory: its run.json and any temporary file left in it. */
function runFolder(resultsDir: string): { record: { status?: { state: string; reason?: string }; trials: Array<{ interrupted?: boolean }> } | null; temporary: string[] } {
  const dirs = readdirSync(resultsDir, { withFileTypes: true }).filter((d) => d.isDirectory());
  expect(dirs).toHaveLength(1);
  const dir = join(resultsDir, dirs[0]!.name);
  const runJson = join(dir, 'run.json');
  return {
    record: existsSync(runJson) ? JSON.parse(readFileSync(runJson, 'utf8')) : null,
    temporary: readdirSync(dir).filter((f) => f.endsWith('.tmp')),
  };
}

/** Whether the run folder holds a run.json with a status (saved whole: perf/lib/store/results/). */
function savedWithStatus(resultsDir: string): boolean {
  if (!existsSync(resultsDir)) return false;
  return readdirSync(resultsDir, { withFileTypes: true }).some((d) => {
    const runJson = join(resultsDir, d.name, 'run.json');
    return d.isDirectory() && existsSync(runJson) && JSON.parse(readFileSync(runJson, 'utf8')).status !== undefined;
  });
}

/** Within 3 s of the stop no worker of the run is alive and run.json is saved (polled, not
 * slept: the test goes on as soon as both hold); none is alive once the suite has exited. */
async function expectNoSurvivors(suite: ResultPromise, pids: number[], resultsDir: string, stoppedAt: number): Promise<void> {
  const survivors = (): number[] => [...pids.filter(isProcessAlive), ...workerPids(resultsDir)];
  const settled = () => (survivors().length === 0 && savedWithStatus(resultsDir) ? true : null);
  await waitUntil(settled, { timeoutMs: Math.max(0, stoppedAt + 3_000 - Date.now()), intervalMs: 50 });
  expect(survivors(), `alive ${Date.now() - stoppedAt} ms after the stop`).toEqual([]);
  await suite;
  expect(workerPids(resultsDir)).toEqual([]);
}

/** Whether the suite exits within `ms` (it never rejects: reject is false). */
async function exitsWithin(suite: ResultPromise, ms: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([suite.then(() => true), sleep(ms, false, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}

describe.concurrent('stopping `vitest run perf` mid-arm', () => {
  it('SIGINT to the main process only: the fork notices, stops its workers and saves an aborted run.json', { timeout: 120_000 }, async () => {
    const { suite, resultsDir } = startSuite('main-only', '30');
    try {
      const pids = await waitForWorkers(resultsDir);
      const stoppedAt = Date.now();
      process.kill(suite.pid as number, 'SIGINT');
      await expectNoSurvivors(suite, pids, resultsDir, stoppedAt);
    } finally {
      firstRunWarm();
    }
    const { record, temporary } = runFolder(resultsDir);
    expect(record?.status).toMatchObject({ state: 'aborted' });
    expect(record?.trials.at(-1)?.interrupted).toBe(true);
    expect(temporary).toEqual([]);
  });

  it("GitHub Actions' cancel sequence to the group (SIGINT, SIGTERM, SIGKILL)", { timeout: 120_000 }, async () => {
    await moduleCacheWarm;
    const { suite, resultsDir } = startSuite('cancel', '30');
    const pids = await waitForWorkers(resultsDir);
    const group = -(suite.pid as number);
    // The runner's documented timing: SIGINT, up to 7.5 s to exit, SIGTERM, up to 2.5 s, then
    // SIGKILL. Shorter waits (1 s and 0.5 s here until 2026-11-30) killed a loaded machine's
    // suite while it was still saving run.json, which GitHub would not have done.
    process.kill(group, 'SIGINT');
    if (!(await exitsWithin(suite, 7_500))) {
      process.kill(group, 'SIGTERM');
      if (!(await exitsWithin(suite, 2_500))) process.kill(group, 'SIGKILL');
    }
    const stoppedAt = Date.now();
    await expectNoSurvivors(suite, pids, resultsDir, stoppedAt);
    const { record, temporary } = runFolder(resultsDir);
    expect(record?.status).toMatchObject({ state: 'aborted', reason: expect.stringMatching(/SIGINT|parent/) });
    expect(temporary).toEqual([]);
  });

  it('SIGKILL of the whole suite after one arm-trial: run.json holds that arm-trial, marked aborted', { timeout: 120_000 }, async () => {
    await moduleCacheWarm;
    const { suite, resultsDir } = startSuite('sigkill', '1');
    const saved = await waitUntil(() => (existsSync(resultsDir) && readdirSync(resultsDir).length > 0 && runFolder(resultsDir).record !== null ? true : null), { timeoutMs: 60_000, intervalMs: 50 });
    expect(saved).toBe(true);
    const pids = await waitForWorkers(resultsDir);
    const stoppedAt = Date.now();
    process.kill(-(suite.pid as number), 'SIGKILL');
    await expectNoSurvivors(suite, pids, resultsDir, stoppedAt);
    const { record } = runFolder(resultsDir);
    expect(record?.status).toMatchObject({ state: 'aborted', reason: expect.stringContaining('without saving it again') });
    expect(record?.trials.length).toBeGreaterThanOrEqual(1);
  });
});
