// End to end: `vitest run --project perf` (the real perf specs, in a child process)
// driving the fake worker test double through orchestration, evaluation, reports,
// replay and baseline update. No GPU: the double follows docs/protocol.md.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const fakeWorker = join(repoRoot, 'test/doubles/fake-worker.mjs');
const vitestBin = join(repoRoot, 'node_modules/vitest/vitest.mjs');

function runPerfSpecs(env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PERF_') && !k.startsWith('XSCHED_')));
  return execa('node', [vitestBin, 'run', '--project', 'perf'], {
    cwd: repoRoot,
    env: { ...clean, CI: '1', ...env },
    extendEnv: false,
    reject: false,
    all: true,
    timeout: 150_000,
  });
}

function runDirsOf(resultsDir: string): string[] {
  return readdirSync(resultsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('replay-'))
    .map((d) => join(resultsDir, d.name));
}

describe('perf specs end to end with the fake worker (test double)', () => {
  const work = mkdtempSync(join(tmpdir(), 'xsched-perf-e2e-'));
  const resultsDir = join(work, 'results');
  const baselinesDir = join(work, 'baselines');
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const fastQuick = {
    PERF_WORKER: fakeWorker,
    PERF_SCENARIOS: 'quick',
    PERF_DURATION_S: '0.5',
    PERF_HP_RATE_HZ: '1000',
    PERF_TRIALS: '2',
    PERF_RESULTS_DIR: resultsDir,
    PERF_BASELINES_DIR: baselinesDir,
    FAKE_WORKER_HP_LATENCY_MS: '0.3',
    FAKE_WORKER_LP_ITER_MS: '5',
    // The double's switches pass the workers' allow list only when named (perf/lib/process/allowed-env.ts).
    PERF_CHILD_ENV_ALLOW: 'FAKE_WORKER_*',
  };

  it('runs quick, writes the run, its evaluation and reports, and a replay gives the same evaluation', { timeout: 300_000 }, async () => {
    const first = await runPerfSpecs(fastQuick);
    expect(first.exitCode, first.all).toBe(0);
    const [runDir, ...others] = runDirsOf(resultsDir);
    expect(others).toEqual([]);
    for (const file of ['run.json', 'evaluation.json', 'report.html', 'summary.md']) expect(existsSync(join(runDir!, file)), file).toBe(true);
    expect(existsSync(join(resultsDir, 'summary.md'))).toBe(true);
    const evaluation = JSON.parse(readFileSync(join(runDir!, 'evaluation.json'), 'utf8'));
    // The double's xsched arm is skipped (no XSCHED_ROOT): its verdicts must say so, never pass.
    expect(evaluation.verdicts.find((v: { id: string }) => v.id === 'hp-p99-improvement').status).toBe('skip');
    expect(first.all).toMatch(/XSCHED_ROOT is not set/);

    const replay = await runPerfSpecs({ ...fastQuick, PERF_REPLAY: runDir! });
    expect(replay.exitCode, replay.all).toBe(0);
    const runId = JSON.parse(readFileSync(join(runDir!, 'run.json'), 'utf8')).runId;
    const replayDir = join(resultsDir, `replay-${runId}`);
    expect(JSON.parse(readFileSync(join(replayDir, 'evaluation.json'), 'utf8'))).toEqual(evaluation);
    expect(readFileSync(join(replayDir, 'report.html'), 'utf8')).toBe(readFileSync(join(runDir!, 'report.html'), 'utf8'));

    const update = await runPerfSpecs({ ...fastQuick, PERF_REPLAY: runDir!, PERF_UPDATE_BASELINES: '1' });
    expect(update.exitCode, update.all).toBe(0);
    const written = readdirSync(join(baselinesDir, 'quick'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^cuda-fake-.*-time-sliced\.json$/);
  });

  it('fails on a crashing worker with the worker named, and marks the run invalid rather than failed', { timeout: 200_000 }, async () => {
    const crashResults = join(work, 'crash-results');
    const run = await runPerfSpecs({ ...fastQuick, PERF_RESULTS_DIR: crashResults, FAKE_WORKER_MODE: 'crash' });
    expect(run.exitCode).not.toBe(0);
    expect(run.all).toMatch(/INVALID RUN/);
    const [runDir] = runDirsOf(crashResults);
    expect(JSON.parse(readFileSync(join(runDir!, 'evaluation.json'), 'utf8')).status).toBe('invalid');
  });

  it('without a GPU: skips with one line by default, and fails under PERF_REQUIRE_GPU=1', { timeout: 120_000 }, async () => {
    const noGpu = { PERF_SCENARIOS: 'quick', PERF_RESULTS_DIR: join(work, 'none'), PERF_WORKER: join(repoRoot, 'test/doubles/no-gpu-worker.sh') };
    const skipped = await runPerfSpecs(noGpu);
    expect(skipped.exitCode, skipped.all).toBe(0);
    expect(skipped.all).toMatch(/quick: skipped: no GPU/);
    const required = await runPerfSpecs({ ...noGpu, PERF_REQUIRE_GPU: '1' });
    expect(required.exitCode).not.toBe(0);
    expect(required.all).toMatch(/PERF_REQUIRE_GPU=1 but no GPU/);
  });
});
