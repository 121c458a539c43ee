// End to end with the fake worker test double (no GPU; it follows docs/protocol.md). ONE real
// `vitest run --project perf` in a child process runs both kinds of spec file: the built-in
// quick (perf/quick.perf.ts) and the scenario declared outside the catalogue with its team
// rules (perf/poisson-burst.perf.ts). It proves the spec wiring: each run plans, runs,
// evaluates and reports, comes out UNTESTED without XSched (skipped tests with reasons, also in
// JUnit), and the invocation exits 0 because CI is off. Strict mode (CI=true), replays,
// baseline refusal, a crashing worker and a machine without a GPU then go through the calls a
// spec makes (perf/lib/suite/define-scenario-spec.ts: planScenario, executePlan,
// decideVerdictTest, ruleSkipMessage) in this process: a nested Vitest costs seconds of start-up
// each on a 2-core machine (docs/benchmarks.md). The nested run stays non-strict on purpose:
// the skip path (reasons in JUnit, exit 0) is where Vitest's reporters are involved; in strict
// mode the same decisions only return `fail`, which define-scenario-spec.ts turns into
// expect.fail, so a second nested run would cost seconds to prove one line.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { executePlan } from '../../../perf/lib/suite/execute-plan.ts';
import { planScenario } from '../../../perf/lib/suite/scenario-plan.ts';
import { decideVerdictTest, describeInvalidRun, VERDICT_TESTS } from '../../../perf/lib/suite/verdict-tests.ts';
import { ruleSkipMessage, whyRuleNotJudged } from '../../../perf/lib/suite/team-rules.ts';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { maybeUpdateBaseline } from '../../../perf/lib/store/baselines/maybe-update.ts';
import { loadRunRecord } from '../../../perf/lib/store/results/load-run.ts';
import { FAST_WORKER, fakeWorker, repoRoot, runDirsOf, runPerfSpecs, suiteEnv } from './nested-perf-run.ts';

async function planAndExecute(env: Record<string, string>, cwd: string) {
  const plan = await planScenario('quick', { ...suiteEnv(), ...env }, cwd);
  if (plan.action !== 'run' && plan.action !== 'replay') throw new Error(`expected a runnable plan, got ${JSON.stringify(plan)}`);
  return executePlan(plan, 'in-process-test');
}

describe('perf specs end to end with the fake worker (test double)', () => {
  const work = mkdtempSync(join(tmpdir(), 'xsched-perf-e2e-'));
  const resultsDir = join(work, 'results');
  const baselinesDir = join(work, 'baselines');
  const junit = join(work, 'junit.xml');
  // Shortened for CI; each replaced value is recorded in scenario.overrides.
  const fast = {
    PERF_WORKER: fakeWorker,
    PERF_SCENARIOS: 'quick,poisson-burst',
    PERF_DURATION_S: '0.5',
    PERF_HP_RATE_HZ: '1000',
    PERF_TRIALS: '1',
    // 0.4 s instead of 1 s before each arm-trial (7 of them); 0.15 s was missed once on loaded cores.
    PERF_START_LEAD_MS: '400',
    PERF_RESULTS_DIR: resultsDir,
    PERF_BASELINES_DIR: baselinesDir,
  };
  const fastQuick = { ...fast, PERF_SCENARIOS: 'quick' };
  let nested: Awaited<ReturnType<typeof runPerfSpecs>>;
  const onlyRunOf = (scenario: string): string => {
    const [runDir, ...others] = runDirsOf(resultsDir, scenario);
    expect(others).toEqual([]);
    if (runDir === undefined) throw new Error(`no run of ${scenario} under ${resultsDir}:\n${nested.all}`);
    return runDir;
  };
  beforeAll(async () => {
    const specs = ['perf/quick.perf.ts', 'perf/poisson-burst.perf.ts'];
    nested = await runPerfSpecs({ ...fast, ...FAST_WORKER }, [...specs, '--reporter=default', '--reporter=junit', `--outputFile.junit=${junit}`]);
  }, 200_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());

  it('runs quick and the declared spec without XSched and exits 0 (CI off); one merged summary holds both runs', () => {
    expect(nested.exitCode, nested.all).toBe(0);
    const summary = readFileSync(join(resultsDir, 'summary.md'), 'utf8');
    for (const scenario of ['quick', 'poisson-burst']) expect(summary).toContain(scenario);
  });

  it('quick: UNTESTED, skipped tests with their reasons (also in JUnit)', () => {
    const runDir = onlyRunOf('quick');
    for (const file of ['run.json', 'evaluation.json', 'report.html', 'summary.md']) expect(existsSync(join(runDir, file)), file).toBe(true);
    // The double's xsched arm is skipped (no XSCHED_ROOT): its verdicts must say so, never pass.
    const evaluation = JSON.parse(readFileSync(join(runDir, 'evaluation.json'), 'utf8'));
    expect(evaluation.verdicts.find((v: { id: string }) => v.id === 'hp-p99-improvement').status).toBe('skip');
    expect(evaluation.status).toBe('untested');
    expect(nested.all).toMatch(/XSCHED_ROOT is not set/);
    expect(nested.all).toMatch(/UNTESTED quick: required verdict\(s\) not judged: hp-achieved-rate, hp-p99-improvement, lp-throughput-loss, regression/);
    // Vitest's JUnit reporter writes a bare <skipped/>; the reason travels as a property beside it.
    expect(readFileSync(junit, 'utf8')).toMatch(/<property name="xsched-perf\.skip_reason" value="UNTESTED: not a pass \(CI=true or PERF_STRICT=1 fails it\):\n\[hp-p99-improvement\] Not judged: arm xsched was skipped/);
  });

  it('quick: the replay of that run gives the same evaluation and report, and fails under CI=true', async () => {
    const runDir = onlyRunOf('quick');
    const plan = await planScenario('quick', { ...suiteEnv(), ...fastQuick, PERF_REPLAY: runDir, CI: 'true' }, work);
    if (plan.action !== 'replay') throw new Error(`expected a replay plan, got ${JSON.stringify(plan)}`);
    const replay = await executePlan(plan, 'in-process-test');
    const options = { strict: plan.settings.strict, requireBaseline: plan.settings.requireBaseline, baselineProblem: replay.baselineProblem };
    const failed = VERDICT_TESTS.map((test) => decideVerdictTest(test, replay.evaluation, options)).filter((outcome) => outcome.kind === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) expect(outcome).toMatchObject({ message: expect.stringMatching(/^UNTESTED, and strict mode \(PERF_STRICT=1 or CI=true\) passes only a judged pass/) });
    const runId = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')).runId;
    const replayDir = join(resultsDir, `replay-${runId}`);
    expect(JSON.parse(readFileSync(join(replayDir, 'evaluation.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(join(runDir, 'evaluation.json'), 'utf8')));
    expect(readFileSync(join(replayDir, 'report.html'), 'utf8')).toBe(readFileSync(join(runDir, 'report.html'), 'utf8'));
    // The invocation's merged summary and report (written by the global setup, outside this
    // in-process replay) read run.json copies under results/: the replay leaves one.
    expect(JSON.parse(readFileSync(join(replayDir, 'run.json'), 'utf8')).runId).toBe(runId);
  });

  it('quick: 1 trial without the xsched arm never become a baseline (the update path a run takes); a typo in a PERF_ variable is reported', async () => {
    const runDir = onlyRunOf('quick');
    const env = { ...fastQuick, PERF_REPLAY: runDir, PERF_UPDATE_BASELINES: '1', PERF_TRAILS: '3' };
    expect(loadSettings({ ...suiteEnv(), ...env, CI: 'false' }, work).warnings).toContain('PERF_TRAILS: unknown; did you mean PERF_TRIALS? (ignored)');
    const settings = loadSettings({ ...suiteEnv(), ...env, CI: 'false' }, work);
    const record = await loadRunRecord(runDir);
    const evaluation = JSON.parse(readFileSync(join(runDir, 'evaluation.json'), 'utf8'));
    const lines: string[] = [];
    await maybeUpdateBaseline(settings, record, evaluation, (text) => lines.push(text));
    const printed = lines.join('\n');
    expect(printed).toMatch(/Baseline NOT updated from run .*\n {2}- it ran 1 trial\(s\); scenario quick needs at least 3 \(minTrials\)/);
    expect(printed).toMatch(/arm xsched was not measured in 1 of 1 trial\(s\) \(trial 0: skipped \(XSCHED_ROOT is not set/);
    expect(existsSync(baselinesDir)).toBe(false);
  });

  it('quick: a crashing worker makes the run invalid, not failed, with the worker named', { timeout: 60_000 }, async () => {
    for (const [name, value] of Object.entries({ ...FAST_WORKER, FAKE_WORKER_MODE: 'crash' })) vi.stubEnv(name, value);
    const run = await planAndExecute({ ...fastQuick, PERF_TRIALS: '1', PERF_ARMS: 'baseline', PERF_RESULTS_DIR: join(work, 'crash-results') }, work);
    expect(run.evaluation.status).toBe('invalid');
    expect(describeInvalidRun(run.evaluation)).toMatch(/^INVALID RUN[^]*\[workers-ok baseline trial 0\] The (hp|lp) worker of arm baseline trial 0 failed \(crash/);
  });

  it('quick without a GPU: skips with the reason by default, and fails under PERF_REQUIRE_GPU=1 or strict mode', async () => {
    const noGpu = { CI: 'false', PERF_SCENARIOS: 'quick', PERF_RESULTS_DIR: join(work, 'none'), PERF_WORKER: join(repoRoot, 'test/doubles/no-gpu-worker.sh') };
    expect(await planScenario('quick', { ...suiteEnv(), ...noGpu }, work)).toMatchObject({ action: 'skip', reason: expect.stringMatching(/^no GPU/) });
    expect(await planScenario('quick', { ...suiteEnv(), ...noGpu, PERF_REQUIRE_GPU: '1' }, work)).toMatchObject({ action: 'fail', reason: expect.stringMatching(/PERF_REQUIRE_GPU=1 but no GPU/) });
    // Strict mode (CI=true): a selected scenario that could not run tested nothing, so it fails.
    expect(await planScenario('quick', { ...suiteEnv(), ...noGpu, CI: 'true' }, work)).toMatchObject({ action: 'fail', reason: expect.stringMatching(/^UNTESTED, and strict mode .*: no GPU/) });
  });

  it('poisson-burst: runs the declared workload, arms and required verdicts; untested without XSched, its team rules skipped with the reason', () => {
    const runDir = onlyRunOf('poisson-burst');
    const record = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8'));
    expect(record.scenario).toMatchObject({
      name: 'poisson-burst',
      hp: { model: 'resnet18', batch: 1, rateHz: 1000, arrival: 'poisson' },
      lp: { model: 'resnet50', batch: 32 },
      arms: ['hp-alone', 'baseline', 'xsched'],
      thresholds: { hpP99ImprovementMinFraction: 0.2 },
    });
    expect(record.scenario.overrides.map((o: { field: string; catalogueValue: unknown }) => [o.field, o.catalogueValue])).toEqual([['durationMs', 10_000], ['trials', 3], ['hp.rateHz', 200]]);
    expect(record.trials.map((t: { arm: string }) => t.arm).slice(0, 3)).toEqual(['hp-alone', 'baseline', 'xsched']);
    const evaluation = JSON.parse(readFileSync(join(runDir, 'evaluation.json'), 'utf8'));
    expect(evaluation.requiredVerdicts).toEqual(['hp-achieved-rate', 'hp-p99-improvement']);
    expect(evaluation.status).toBe('untested');
    expect(nested.all).toMatch(/UNTESTED poisson-burst: required verdict\(s\) not judged: hp-achieved-rate, hp-p99-improvement \(/);
    const report = readFileSync(junit, 'utf8');
    expect(report).toMatch(/<testcase [^>]*name="poisson-burst &gt; XSched cuts the hp P99 of bursts by at least 20%"/);
    expect(report).toMatch(/value="UNTESTED: not a pass \(CI=true or PERF_STRICT=1 fails it\): arm xsched of scenario poisson-burst was not measured: skipped \(XSCHED_ROOT is not set/);
  });

  it('poisson-burst: under CI=true that run fails: its team rules and its required verdicts were not judged', async () => {
    const runDir = onlyRunOf('poisson-burst');
    // From the repository root, as the nested run: PERF_SCENARIOS finds perf/poisson-burst.perf.ts there.
    const plan = await planScenario('poisson-burst', { ...suiteEnv(), ...fast, PERF_REPLAY: runDir, CI: 'true' }, repoRoot);
    if (plan.action !== 'replay') throw new Error(`expected a replay plan, got ${JSON.stringify(plan)}`);
    expect(plan.settings.strict).toBe(true);
    // The nested run's own evaluation: that process registered the declaration (its required
    // verdicts); this one never loads the spec file, whose tests only it can collect.
    const evaluation = JSON.parse(readFileSync(join(runDir, 'evaluation.json'), 'utf8'));
    const record = await loadRunRecord(runDir);
    const options = { strict: plan.settings.strict, requireBaseline: plan.settings.requireBaseline, baselineProblem: null };
    const failed = VERDICT_TESTS.filter((test) => decideVerdictTest(test, evaluation, options).kind === 'fail').map((test) => test.kind);
    expect(failed).toEqual(['hp-achieved-rate', 'hp-p99-improvement']);
    const notJudged = whyRuleNotJudged({ record, evaluation, baseline: null, baselineProblem: null, runDir, reportPath: join(runDir, 'report.html') });
    expect(ruleSkipMessage(notJudged ?? 'judged', plan.settings.strict)).toEqual({
      kind: 'fail',
      message: expect.stringMatching(/^UNTESTED, and strict mode \(PERF_STRICT=1 or CI=true\) passes only a judged pass: arm xsched of scenario poisson-burst was not measured/),
    });
  });
});
