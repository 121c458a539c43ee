// scripts/replay.ts and scripts/update-baselines.ts --from (--combine and --append), run in this process as the
// command line runs them (test/fixtures/run-script.ts), on SYNTHETIC saved runs
// (test/fixtures/synthetic-run: invented numbers, no GPU).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordLatestRun } from '../../../perf/lib/store/results/latest-runs.ts';
import { createRunDirectory } from '../../../perf/lib/store/results/run-directory.ts';
import { saveRunRecord } from '../../../perf/lib/store/results/save-run.ts';
import type { ArmName } from '../../../perf/lib/documents/types/scenario.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { buildSyntheticRecord } from '../../fixtures/synthetic-run/synthetic-record.ts';
import { INTENSIVE_SPEC } from '../../fixtures/synthetic-run/synthetic-scenarios.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { runScriptInProcess } from '../../fixtures/run-script.ts';
import { script as replayScript } from '../../../scripts/replay.ts';
import { script as updateBaselinesScript } from '../../../scripts/update-baselines.ts';

const BASELINE_FILE = 'synthetic-intensive/hip-amd-gfx90a-synthetic-gpu-test-fixture-not-a-measurement-platform-default.json';

/**
 * A saved run: valid with only native arms; invalid when the xserver log of the xsched arm shows no
 * worker connecting. `durationMs` replaces the scenario's; `edit` changes the record before it is saved.
 */
async function saveSyntheticRun(resultsDir: string, valid: boolean, edit: (record: RunRecord) => void = () => {}, durationMs = INTENSIVE_SPEC.scenario.durationMs): Promise<string> {
  const arms: ArmName[] = valid ? ['hp-alone', 'lp-alone', 'baseline'] : INTENSIVE_SPEC.scenario.arms;
  const record = buildSyntheticRecord({ ...INTENSIVE_SPEC, scenario: { ...INTENSIVE_SPEC.scenario, arms, durationMs } });
  if (!valid) for (const trial of record.trials) if (trial.xsched) trial.xsched.connectedPids = [];
  edit(record);
  const { runId, dir } = await createRunDirectory(resultsDir, record.scenario.name);
  await saveRunRecord(dir, { ...record, runId });
  return dir;
}

/** A temp working directory with two valid saved runs under results/. */
async function twoValidRuns(prefix: string): Promise<{ cwd: string; runs: string[] }> {
  const cwd = makeTempDir(prefix);
  return { cwd, runs: [await saveSyntheticRun(join(cwd, 'results'), true), await saveSyntheticRun(join(cwd, 'results'), true)] };
}

const SCRIPTS = { 'replay.ts': replayScript, 'update-baselines.ts': updateBaselinesScript };

function runScript(name: keyof typeof SCRIPTS, args: string[], cwd: string, env: Record<string, string> = {}) {
  return runScriptInProcess(SCRIPTS[name], args, { cwd, env: { NO_COLOR: '1', ...env } });
}

describe('replay and update-baselines --from', () => {
  let cwd: string;
  let validRun: string;
  let invalidRun: string;
  beforeAll(async () => {
    cwd = makeTempDir('replay-');
    validRun = await saveSyntheticRun(join(cwd, 'results'), true);
    invalidRun = await saveSyntheticRun(join(cwd, 'results'), false);
  });

  it('replays a valid run without xsched arm or baseline: UNTESTED, exit 4, says the baseline is missing; PERF_REQUIRE_BASELINE makes it 1', async () => {
    const plain = await runScript('replay.ts', [validRun], cwd);
    expect(plain.all).toMatch(/\(synthetic-intensive\): UNTESTED: required verdict\(s\) not judged: hp-achieved-rate, hp-p99-improvement, lp-throughput-loss, regression/);
    expect(plain.all).toContain(`No stored baseline for scenario "synthetic-intensive"`);
    expect(plain.exitCode).toBe(4);
    const required = await runScript('replay.ts', [join(validRun, 'run.json')], cwd, { PERF_REQUIRE_BASELINE: '1' });
    expect(required.exitCode).toBe(1);
  });

  it('writes what the Vitest replay writes: results/replay-<runId>/ and the invocation summary and report of all runs replayed', async () => {
    const resultsDir = join(cwd, 'results');
    const result = await runScript('replay.ts', [validRun, invalidRun], cwd);
    expect(result.exitCode).toBe(2);
    for (const run of [validRun, invalidRun]) {
      const replayDir = join(resultsDir, `replay-${run.split('/').pop()}`);
      for (const file of ['run.json', 'evaluation.json', 'report.html', 'summary.md']) expect(existsSync(join(replayDir, file)), `${replayDir}/${file}`).toBe(true);
    }
    expect(result.all).toContain(`summary ${join(resultsDir, 'summary.md')}, report ${join(resultsDir, 'report.html')}`);
    // The merged summary holds both replayed runs, with their statuses.
    const summary = readFileSync(join(resultsDir, 'summary.md'), 'utf8');
    expect(summary).toMatch(/UNTESTED/);
    expect(summary).toMatch(/INVALID/);
  });

  it('replays an invalid run with exit 2 and its reasons', async () => {
    const result = await runScript('replay.ts', [invalidRun], cwd);
    expect(result.all).toContain('(synthetic-intensive): INVALID');
    expect(result.all).toMatch(/ - invalid: \[xsched\.registered\.hp xsched trial 0\]/);
    expect(result.exitCode).toBe(2);
  });

  it('refuses to write a baseline from a run missing an arm x trial: exit 1, the gap named', async () => {
    const gappy = await saveSyntheticRun(join(cwd, 'gappy-results'), true, (record) => {
      record.trials = record.trials.filter((t) => !(t.arm === 'lp-alone' && t.trial === 2));
    });
    const refused = await runScript('update-baselines.ts', ['--from', gappy], cwd);
    expect(refused.all).toContain('is not a baseline:\n  - arm lp-alone was not measured in 1 of 3 trial(s) (trial 2: not run)');
    expect(refused.exitCode).toBe(1);
    expect(existsSync(join(cwd, 'baselines'))).toBe(false);
  });

  // Five script runs (about 5 s each on a loaded 2-core machine).
  it('refuses to write a baseline from the invalid run, and writes one from the valid run', { timeout: 90_000 }, async () => {
    const refused = await runScript('update-baselines.ts', ['--from', invalidRun], cwd);
    expect(refused.all).toContain('NOT written');
    expect(refused.exitCode).toBe(1);
    expect(existsSync(join(cwd, 'baselines'))).toBe(false);

    const written = await runScript('update-baselines.ts', ['--from', validRun], cwd);
    expect(written.exitCode).toBe(0);
    expect(written.all).toContain(`Baseline ${join(cwd, 'baselines', BASELINE_FILE)}`);
    expect(written.all).toContain('  old: (none)');
    expect(readdirSync(join(cwd, 'baselines', 'synthetic-intensive'))).toHaveLength(1);

    const replayed = await runScript('replay.ts', [validRun], cwd);
    expect(replayed.all).not.toContain('No stored baseline');
    // The terminal headline names the stored baseline it was judged against (here made from this very run).
    expect(replayed.all).toMatch(/^ {2}stored baseline: this run \(stored from it\): the comparison cannot show a regression; run /m);
    // The xsched arm is still not part of the run: untested, whatever the baseline says.
    expect(replayed.exitCode).toBe(4);

    // Another workload finds the file but is not comparable: PERF_REQUIRE_BASELINE=1 fails it too.
    const longer = await saveSyntheticRun(join(cwd, 'other-results'), true, () => {}, 60_000);
    const mismatch = await runScript('replay.ts', [longer], cwd, { PERF_REQUIRE_BASELINE: '1' });
    expect(mismatch.all).toContain('was measured with another workload: durationMs 30000 -> 60000 (stored -> this run)');
    expect(mismatch.exitCode).toBe(1);
  });

  it('replays the runs in results/latest.json when given no path', async () => {
    await recordLatestRun(join(cwd, 'results'), validRun, 'test-invocation');
    const result = await runScript('replay.ts', [], cwd);
    // The baseline written above now exists, but the xsched arm's verdicts stay untested.
    expect(result.all).toMatch(new RegExp(`${validRun.split('/').pop()} \\(synthetic-intensive\\): UNTESTED: `, 'm'));
    expect(result.exitCode).toBe(4);
  });

  it('exits 3 naming the path when a run cannot be read', async () => {
    const result = await runScript('replay.ts', [join(cwd, 'missing-run')], cwd);
    expect(result.all).toContain(`could not replay ${join(cwd, 'missing-run')}: ${join(cwd, 'missing-run')}: no such run directory or file`);
    expect(result.exitCode).toBe(3);
  });

  it('warns about an unknown PERF_* variable, and stops on it in strict mode (exit 3)', async () => {
    const warned = await runScript('replay.ts', [validRun], cwd, { PERF_TRAILS: '3' });
    expect(warned.all).toContain('warning: PERF_TRAILS: unknown; did you mean PERF_TRIALS? (ignored)');
    const strict = await runScript('update-baselines.ts', ['--from', validRun], cwd, { PERF_TRAILS: '3', CI: 'true' });
    expect(strict.all).toContain('PERF_TRAILS: unknown; did you mean PERF_TRIALS? (an error in strict mode: PERF_STRICT=1 or CI=true)');
    expect(strict.exitCode).toBe(3);
  });
});

describe('update-baselines --from ... --combine', () => {
  let cwd: string;
  let runs: string[];
  beforeAll(async () => {
    ({ cwd, runs } = await twoValidRuns('combine-'));
  });

  it('says what to do when given fewer than 2 runs, or --combine without --from (exit 3)', async () => {
    const one = await runScript('update-baselines.ts', ['--from', runs[0]!, '--combine'], cwd);
    expect(one.all).toContain(`--combine writes one baseline of several runs and was given 1 run directory (${runs[0]}): give 2 or more run directories, or leave out --combine to write a baseline from this run alone`);
    expect(one.exitCode).toBe(3);
    const alone = await runScript('update-baselines.ts', ['--combine'], cwd);
    expect(alone.all).toContain('--combine works only with --from: npm run perf:update-baselines -- --from <run dir> <run dir> ... --combine');
    expect(alone.exitCode).toBe(3);
    expect(existsSync(join(cwd, 'baselines'))).toBe(false);
  });

  it('refuses all runs when one is invalid, and runs of another workload (exit 1), writing nothing', { timeout: 90_000 }, async () => {
    const invalid = await saveSyntheticRun(join(cwd, 'invalid-results'), false);
    const refused = await runScript('update-baselines.ts', ['--from', runs[0]!, invalid, '--combine'], cwd);
    expect(refused.all).toMatch(/^NOT written: the runs .* are never written as a baseline: every run of it must be a valid, complete run:\n {2}- run \S+-synthetic-intensive-\w+: the run is invalid: /m);
    expect(refused.exitCode).toBe(1);
    const longer = await saveSyntheticRun(join(cwd, 'longer-results'), true, () => {}, 60_000);
    const differing = await runScript('update-baselines.ts', ['--combine', '--from', runs[0]!, longer], cwd);
    expect(differing.all).toMatch(/^NOT written: runs \S+ and \S+ were measured with different workloads: durationMs (30000 -> 60000|60000 -> 30000) /m);
    expect(differing.exitCode).toBe(1);
    expect(existsSync(join(cwd, 'baselines'))).toBe(false);
  });

  it('writes one baseline of all the runs, listing them and which run each trial came from (exit 0)', { timeout: 90_000 }, async () => {
    const written = await runScript('update-baselines.ts', ['--from', ...runs, '--combine'], cwd);
    expect(written.exitCode).toBe(0);
    const ids = runs.map((run) => run.split('/').pop()!).sort();
    expect(written.all).toContain(`  new: 2 runs (${ids[0]} .. ${ids[1]}) on 1 machine, written `);
    const baseline = JSON.parse(readFileSync(join(cwd, 'baselines', BASELINE_FILE), 'utf8'));
    expect(baseline.runId).toBe(ids.join(','));
    expect(baseline.runs).toEqual(ids.map((runId) => ({ runId, startedAt: INTENSIVE_SPEC.createdAt, machine: 'GPU-5y17e71c-0000-4000-8000-000000000001' })));
    expect(Object.keys(baseline.arms)).toEqual(['hp-alone', 'lp-alone', 'baseline']);
    expect(baseline.arms.baseline.trialRuns).toEqual([0, 0, 0, 1, 1, 1]);
    expect(baseline.arms.baseline.hpP99Ms.slice(0, 3)).toEqual(baseline.arms.baseline.hpP99Ms.slice(3));
  });
});

describe('update-baselines --from ... --append', () => {
  let cwd: string;
  let runs: string[];
  beforeAll(async () => {
    ({ cwd, runs } = await twoValidRuns('append-'));
  });

  it('says what to do with --combine too (exit 3)', async () => {
    const both = await runScript('update-baselines.ts', ['--from', ...runs, '--combine', '--append'], cwd);
    expect(both.all).toContain('--combine and --append exclude each other');
    expect(both.exitCode).toBe(3);
    const live = await runScript('update-baselines.ts', ['--append', '--accept-regressed'], cwd);
    expect(live.all).toContain('--accept-regressed works only with --from <run dir> [...] --append');
    expect(live.exitCode).toBe(3);
  });

  it('needs a stored baseline, adds a run to it, and refuses a run it already holds', { timeout: 90_000 }, async () => {
    const [first, second] = runs.map((run) => run.split('/').pop()!);
    const nothing = await runScript('update-baselines.ts', ['--from', runs[1]!, '--append'], cwd);
    expect(nothing.all).toMatch(new RegExp(`^NOT written: no stored baseline to add run ${second} to \\(looked for \\S+\\): write one first`, 'm'));
    expect(nothing.exitCode).toBe(1);
    expect(existsSync(join(cwd, 'baselines'))).toBe(false);

    expect((await runScript('update-baselines.ts', ['--from', runs[0]!], cwd)).exitCode).toBe(0);
    const added = await runScript('update-baselines.ts', ['--from', runs[1]!, '--append'], cwd);
    expect(added.exitCode).toBe(0);
    expect(added.all).toContain(`  old: run ${first}, written `);
    expect(added.all).toMatch(/ {2}new: 2 runs \(\S+ \.\. \S+\) on 1 machine, written /);
    const baseline = JSON.parse(readFileSync(join(cwd, 'baselines', BASELINE_FILE), 'utf8'));
    expect(baseline.runs.map((r: { runId: string }) => r.runId).sort()).toEqual([first, second].sort());
    expect(baseline.arms.baseline.trialRuns).toEqual([0, 0, 0, 1, 1, 1]);

    const again = await runScript('update-baselines.ts', ['--from', runs[0]!, '--append'], cwd);
    expect(again.all).toContain(`NOT written: run ${first} is already in the stored baseline (2 runs `);
    expect(again.exitCode).toBe(1);
  });
});
