// The scenario declared outside the catalogue (perf/poisson-burst.perf.ts) runs in CI through
// the fake worker test double (no GPU; docs/protocol.md): a real `vitest run --project perf`
// in a child process plans, runs, evaluates and reports it with the declared values and the
// declared required verdicts; its team rules are untested without XSched (skipped with the
// reason) and fail the replay under CI=true. A broken declaration or a crashing worker fails it.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');
const vitestBin = join(repoRoot, 'node_modules/vitest/vitest.mjs');
const SPEC = 'perf/poisson-burst.perf.ts';
const FAST_WORKER = { FAKE_WORKER_HP_LATENCY_MS: '0.3', FAKE_WORKER_LP_ITER_MS: '5', PERF_CHILD_ENV_ALLOW: 'FAKE_WORKER_*' };

function suiteEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('PERF_') && !e[0].startsWith('XSCHED_')));
}

function runSpec(env: Record<string, string>, args: string[] = []) {
  return execa('node', [vitestBin, 'run', '--project', 'perf', SPEC, ...args], { cwd: repoRoot, env: { ...suiteEnv(), CI: 'false', ...env }, extendEnv: false, reject: false, all: true, timeout: 150_000 });
}

describe('a declared scenario (perf/poisson-burst.perf.ts) end to end with the fake worker (test double)', () => {
  const work = mkdtempSync(join(tmpdir(), 'xsched-perf-declared-'));
  const resultsDir = join(work, 'results');
  const junit = join(work, 'junit.xml');
  // Shortened for CI; each replaced value is recorded in scenario.overrides.
  const fast = {
    PERF_WORKER: join(repoRoot, 'test/doubles/fake-worker.mjs'),
    PERF_SCENARIOS: 'poisson-burst',
    PERF_DURATION_S: '0.5',
    PERF_HP_RATE_HZ: '1000',
    PERF_TRIALS: '2',
    PERF_RESULTS_DIR: resultsDir,
    PERF_BASELINES_DIR: join(work, 'baselines'),
  };
  let nested: Awaited<ReturnType<typeof runSpec>>;
  const runDir = () => readdirSync(resultsDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('replay-')).map((d) => join(resultsDir, d.name));
  beforeAll(async () => {
    nested = await runSpec({ ...fast, ...FAST_WORKER }, ['--reporter=default', '--reporter=junit', `--outputFile.junit=${junit}`]);
  }, 200_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs the declared workload, arms and required verdicts; untested without XSched, its team rules skipped with the reason', () => {
    expect(nested.exitCode, nested.all).toBe(0);
    const [dir, ...others] = runDir();
    expect(others).toEqual([]);
    const record = JSON.parse(readFileSync(join(dir!, 'run.json'), 'utf8'));
    expect(record.scenario).toMatchObject({
      name: 'poisson-burst',
      hp: { model: 'resnet18', batch: 1, rateHz: 1000, arrival: 'poisson' },
      lp: { model: 'resnet50', batch: 32 },
      arms: ['hp-alone', 'baseline', 'xsched'],
      thresholds: { hpP99ImprovementMinFraction: 0.2 },
    });
    expect(record.scenario.overrides.map((o: { field: string; catalogueValue: unknown }) => [o.field, o.catalogueValue])).toEqual([['durationMs', 10_000], ['trials', 3], ['hp.rateHz', 200]]);
    expect(record.trials.map((t: { arm: string }) => t.arm).slice(0, 3)).toEqual(['hp-alone', 'baseline', 'xsched']);
    const evaluation = JSON.parse(readFileSync(join(dir!, 'evaluation.json'), 'utf8'));
    expect(evaluation.requiredVerdicts).toEqual(['hp-achieved-rate', 'hp-p99-improvement']);
    expect(evaluation.status).toBe('untested');
    expect(nested.all).toMatch(/UNTESTED poisson-burst: required verdict\(s\) not judged: hp-achieved-rate, hp-p99-improvement \(/);
    const report = readFileSync(junit, 'utf8');
    expect(report).toMatch(/<testcase [^>]*name="poisson-burst &gt; XSched cuts the hp P99 of bursts by at least 20%"/);
    expect(report).toMatch(/value="UNTESTED: not a pass \(CI=true or PERF_STRICT=1 fails it\): arm xsched of scenario poisson-burst was not measured: skipped \(XSCHED_ROOT is not set/);
  });

  it('its replay under CI=true fails: the team rules and the required verdicts were not judged', { timeout: 200_000 }, async () => {
    const [dir] = runDir();
    const replay = await runSpec({ ...fast, PERF_REPLAY: dir!, CI: 'true' });
    expect(replay.exitCode, replay.all).not.toBe(0);
    expect(replay.all).toMatch(/UNTESTED, and strict mode \(PERF_STRICT=1 or CI=true\) passes only a judged pass: arm xsched of scenario poisson-burst was not measured/);
  });

  it('a crashing worker fails the spec: the run is invalid, with the worker named', { timeout: 200_000 }, async () => {
    const crashed = await runSpec({ ...fast, ...FAST_WORKER, FAKE_WORKER_MODE: 'crash', PERF_TRIALS: '1', PERF_RESULTS_DIR: join(work, 'crash') });
    expect(crashed.exitCode, crashed.all).not.toBe(0);
    expect(crashed.all).toMatch(/INVALID RUN[^]*\[workers-ok (hp-alone|baseline|xsched) trial 0\] The (hp|lp) worker of arm/);
  });
});
