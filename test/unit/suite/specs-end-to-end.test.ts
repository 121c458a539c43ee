// End to end with the fake worker test double (no GPU; it follows docs/protocol.md).
// One real `vitest run --project perf` in a child process proves the spec wiring: the run
// plans, runs, evaluates and reports, and comes out UNTESTED without XSched (skipped tests with
// reasons, also in JUnit). Its replay under CI=true, baseline refusal, a crashing worker and a
// machine without a GPU then go through the calls the spec makes
// (perf/lib/suite/define-scenario-spec.ts: planScenario, executePlan, decideVerdictTest) in this
// process: a nested Vitest costs seconds of start-up each on a 2-core machine.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { executePlan } from '../../../perf/lib/suite/execute-plan.ts';
import { planScenario } from '../../../perf/lib/suite/scenario-plan.ts';
import { decideVerdictTest, describeInvalidRun, VERDICT_TESTS } from '../../../perf/lib/suite/verdict-tests.ts';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { maybeUpdateBaseline } from '../../../perf/lib/store/baselines/maybe-update.ts';
import { loadRunRecord } from '../../../perf/lib/store/results/load-run.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const fakeWorker = join(repoRoot, 'test/doubles/fake-worker.mjs');
const vitestBin = join(repoRoot, 'node_modules/vitest/vitest.mjs');
/** What the fake worker reads from its environment: fast requests and iterations; its switches
 * pass the workers' allow list only when named (perf/lib/process/allowed-env.ts). */
const FAST_WORKER = { FAKE_WORKER_HP_LATENCY_MS: '0.3', FAKE_WORKER_LP_ITER_MS: '5', PERF_CHILD_ENV_ALLOW: 'FAKE_WORKER_*' };

function suiteEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('PERF_') && !e[0].startsWith('XSCHED_')));
}

/** Runs the perf project in a child process; CI is off (not strict) unless `env` sets it. */
function runPerfSpecs(env: Record<string, string>, args: string[] = []) {
  return execa('node', [vitestBin, 'run', '--project', 'perf', ...args], { cwd: repoRoot, env: { ...suiteEnv(), CI: 'false', ...env }, extendEnv: false, reject: false, all: true, timeout: 150_000 });
}

async function planAndExecute(env: Record<string, string>, cwd: string) {
  const plan = await planScenario('quick', { ...suiteEnv(), ...env }, cwd);
  if (plan.action !== 'run' && plan.action !== 'replay') throw new Error(`expected a runnable plan, got ${JSON.stringify(plan)}`);
  return executePlan(plan, 'in-process-test');
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
  const junit = join(work, 'junit.xml');
  const fastQuick = {
    PERF_WORKER: fakeWorker,
    PERF_SCENARIOS: 'quick',
    PERF_DURATION_S: '0.5',
    PERF_HP_RATE_HZ: '1000',
    PERF_TRIALS: '2',
    PERF_RESULTS_DIR: resultsDir,
    PERF_BASELINES_DIR: baselinesDir,
  };
  let nested: Awaited<ReturnType<typeof runPerfSpecs>>;
  beforeAll(async () => {
    nested = await runPerfSpecs({ ...fastQuick, ...FAST_WORKER }, ['--reporter=default', '--reporter=junit', `--outputFile.junit=${junit}`]);
  }, 200_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());

  it('runs quick without XSched: UNTESTED, skipped tests with their reasons (also in JUnit), and the merged summary', () => {
    expect(nested.exitCode, nested.all).toBe(0);
    const [runDir, ...others] = runDirsOf(resultsDir);
    expect(others).toEqual([]);
    for (const file of ['run.json', 'evaluation.json', 'report.html', 'summary.md']) expect(existsSync(join(runDir!, file)), file).toBe(true);
    expect(existsSync(join(resultsDir, 'summary.md'))).toBe(true);
    // The double's xsched arm is skipped (no XSCHED_ROOT): its verdicts must say so, never pass.
    const evaluation = JSON.parse(readFileSync(join(runDir!, 'evaluation.json'), 'utf8'));
    expect(evaluation.verdicts.find((v: { id: string }) => v.id === 'hp-p99-improvement').status).toBe('skip');
    expect(evaluation.status).toBe('untested');
    expect(nested.all).toMatch(/XSCHED_ROOT is not set/);
    expect(nested.all).toMatch(/UNTESTED quick: required verdict\(s\) not judged: hp-achieved-rate, hp-p99-improvement, lp-throughput-loss, regression/);
    // Vitest's JUnit reporter writes a bare <skipped/>; the reason travels as a property beside it.
    expect(readFileSync(junit, 'utf8')).toMatch(/<property name="xsched-perf\.skip_reason" value="UNTESTED: not a pass \(CI=true or PERF_STRICT=1 fails it\):\n\[hp-p99-improvement\] Not judged: arm xsched was skipped/);
  });

  it('the replay of that run gives the same evaluation and report, and fails under CI=true', async () => {
    const [runDir] = runDirsOf(resultsDir);
    const plan = await planScenario('quick', { ...suiteEnv(), ...fastQuick, PERF_REPLAY: runDir!, CI: 'true' }, work);
    if (plan.action !== 'replay') throw new Error(`expected a replay plan, got ${JSON.stringify(plan)}`);
    const replay = await executePlan(plan, 'in-process-test');
    const options = { strict: plan.settings.strict, requireBaseline: plan.settings.requireBaseline, baselineProblem: replay.baselineProblem };
    const failed = VERDICT_TESTS.map((test) => decideVerdictTest(test, replay.evaluation, options)).filter((outcome) => outcome.kind === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) expect(outcome).toMatchObject({ message: expect.stringMatching(/^UNTESTED, and strict mode \(PERF_STRICT=1 or CI=true\) passes only a judged pass/) });
    const runId = JSON.parse(readFileSync(join(runDir!, 'run.json'), 'utf8')).runId;
    const replayDir = join(resultsDir, `replay-${runId}`);
    expect(JSON.parse(readFileSync(join(replayDir, 'evaluation.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(runDir!, 'evaluation.json'), 'utf8')));
    expect(readFileSync(join(replayDir, 'report.html'), 'utf8')).toBe(readFileSync(join(runDir!, 'report.html'), 'utf8'));
    // The invocation's merged summary and report (written by the global setup, outside this
    // in-process replay) read run.json copies under results/: the replay leaves one.
    expect(JSON.parse(readFileSync(join(replayDir, 'run.json'), 'utf8')).runId).toBe(runId);
  });

  it('2 trials without the xsched arm never become a baseline (the update path a run takes); a typo in a PERF_ variable is reported', async () => {
    const [runDir] = runDirsOf(resultsDir);
    const env = { ...fastQuick, PERF_REPLAY: runDir!, PERF_UPDATE_BASELINES: '1', PERF_TRAILS: '3' };
    expect(loadSettings({ ...suiteEnv(), ...env, CI: 'false' }, work).warnings).toContain('PERF_TRAILS: unknown; did you mean PERF_TRIALS? (ignored)');
    const settings = loadSettings({ ...suiteEnv(), ...env, CI: 'false' }, work);
    const record = await loadRunRecord(runDir!);
    const evaluation = JSON.parse(readFileSync(join(runDir!, 'evaluation.json'), 'utf8'));
    const lines: string[] = [];
    await maybeUpdateBaseline(settings, record, evaluation, (text) => lines.push(text));
    const printed = lines.join('\n');
    expect(printed).toMatch(/Baseline NOT updated from run .*\n {2}- it ran 2 trial\(s\); scenario quick needs at least 3 \(minTrials\)/);
    expect(printed).toMatch(/arm xsched was not measured in 2 of 2 trial\(s\) \(trial 0: skipped \(XSCHED_ROOT is not set/);
    expect(existsSync(baselinesDir)).toBe(false);
  });

  it('a crashing worker makes the run invalid, not failed, with the worker named', { timeout: 60_000 }, async () => {
    for (const [name, value] of Object.entries({ ...FAST_WORKER, FAKE_WORKER_MODE: 'crash' })) vi.stubEnv(name, value);
    const run = await planAndExecute({ ...fastQuick, PERF_TRIALS: '1', PERF_ARMS: 'baseline', PERF_RESULTS_DIR: join(work, 'crash-results') }, work);
    expect(run.evaluation.status).toBe('invalid');
    expect(describeInvalidRun(run.evaluation)).toMatch(/^INVALID RUN[^]*\[workers-ok baseline trial 0\] The (hp|lp) worker of arm baseline trial 0 failed \(crash/);
  });

  it('without a GPU: skips with the reason by default, and fails under PERF_REQUIRE_GPU=1 or strict mode', async () => {
    const noGpu = { CI: 'false', PERF_SCENARIOS: 'quick', PERF_RESULTS_DIR: join(work, 'none'), PERF_WORKER: join(repoRoot, 'test/doubles/no-gpu-worker.sh') };
    expect(await planScenario('quick', { ...suiteEnv(), ...noGpu }, work)).toMatchObject({ action: 'skip', reason: expect.stringMatching(/^no GPU/) });
    expect(await planScenario('quick', { ...suiteEnv(), ...noGpu, PERF_REQUIRE_GPU: '1' }, work)).toMatchObject({ action: 'fail', reason: expect.stringMatching(/PERF_REQUIRE_GPU=1 but no GPU/) });
    // Strict mode (CI=true): a selected scenario that could not run tested nothing, so it fails.
    expect(await planScenario('quick', { ...suiteEnv(), ...noGpu, CI: 'true' }, work)).toMatchObject({ action: 'fail', reason: expect.stringMatching(/^UNTESTED, and strict mode .*: no GPU/) });
  });
});
