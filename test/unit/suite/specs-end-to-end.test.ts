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

/** Runs the perf project; CI is off (not strict) unless `env` sets it. */
function runPerfSpecs(env: Record<string, string>, args: string[] = []) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PERF_') && !k.startsWith('XSCHED_')));
  return execa('node', [vitestBin, 'run', '--project', 'perf', ...args], {
    cwd: repoRoot,
    env: { ...clean, CI: 'false', ...env },
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
  };

  it('runs quick without XSched: UNTESTED (skips with reasons, also in JUnit), fails under CI=true on replay; no baseline from it', { timeout: 300_000 }, async () => {
    const junit = join(work, 'junit.xml');
    const first = await runPerfSpecs(fastQuick, ['--reporter=default', '--reporter=junit', `--outputFile.junit=${junit}`]);
    expect(first.exitCode, first.all).toBe(0);
    const [runDir, ...others] = runDirsOf(resultsDir);
    expect(others).toEqual([]);
    for (const file of ['run.json', 'evaluation.json', 'report.html', 'summary.md']) expect(existsSync(join(runDir!, file)), file).toBe(true);
    expect(existsSync(join(resultsDir, 'summary.md'))).toBe(true);
    const evaluation = JSON.parse(readFileSync(join(runDir!, 'evaluation.json'), 'utf8'));
    // The double's xsched arm is skipped (no XSCHED_ROOT): its verdicts must say so, never pass.
    expect(evaluation.verdicts.find((v: { id: string }) => v.id === 'hp-p99-improvement').status).toBe('skip');
    expect(evaluation.status).toBe('untested');
    expect(first.all).toMatch(/XSCHED_ROOT is not set/);
    expect(first.all).toMatch(/UNTESTED quick: required verdict\(s\) not judged: hp-achieved-rate, hp-p99-improvement, lp-throughput-loss, regression/);
    // Vitest's JUnit reporter writes a bare <skipped/>; the reason travels as a property beside it.
    expect(readFileSync(junit, 'utf8')).toMatch(/<property name="xsched-perf\.skip_reason" value="UNTESTED: not a pass \(CI=true or PERF_STRICT=1 fails it\):\n\[hp-p99-improvement\] Not judged: arm xsched was skipped/);

    const replay = await runPerfSpecs({ ...fastQuick, PERF_REPLAY: runDir!, CI: 'true' });
    expect(replay.exitCode, replay.all).not.toBe(0);
    expect(replay.all).toMatch(/UNTESTED, and strict mode \(PERF_STRICT=1 or CI=true\) passes only a judged pass/);
    const runId = JSON.parse(readFileSync(join(runDir!, 'run.json'), 'utf8')).runId;
    const replayDir = join(resultsDir, `replay-${runId}`);
    expect(JSON.parse(readFileSync(join(replayDir, 'evaluation.json'), 'utf8'))).toEqual(evaluation);
    expect(readFileSync(join(replayDir, 'report.html'), 'utf8')).toBe(readFileSync(join(runDir!, 'report.html'), 'utf8'));

    // 2 trials and no xsched arm: never a baseline. A typo is reported, not silently ignored.
    const update = await runPerfSpecs({ ...fastQuick, PERF_REPLAY: runDir!, PERF_UPDATE_BASELINES: '1', PERF_TRAILS: '3' });
    expect(update.exitCode, update.all).toBe(0);
    expect(update.all).toContain('PERF_TRAILS: unknown; did you mean PERF_TRIALS? (ignored)');
    expect(update.all).toMatch(/Baseline NOT updated from run .*\n {2}- it ran 2 trial\(s\); scenario quick needs at least 3 \(minTrials\)/);
    expect(update.all).toMatch(/arm xsched was not measured in 2 of 2 trial\(s\) \(trial 0: skipped \(XSCHED_ROOT is not set/);
    expect(existsSync(baselinesDir)).toBe(false);
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
