// scripts/bench-decisions.ts as its command line runs it (test/fixtures/run-script.ts): a clear
// error for a bad option, and, at a few simulated runs, every table printed for every committed
// baseline, so the benchmark cannot rot between its (minutes-long) real runs.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScriptInProcess } from '../../fixtures/run-script.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { script } from '../../../scripts/bench-decisions.ts';

const BASELINES = new URL('../../../baselines/', import.meta.url).pathname;

describe('npm run bench:decisions', () => {
  it('prints its usage, and refuses a bad option quoting it (exit 2)', async () => {
    const help = await runScriptInProcess(script, ['--help']);
    expect([help.exitCode, help.stdout]).toEqual([0, expect.stringContaining('usage: npm run bench:decisions [-- --runs N')]);
    const zero = await runScriptInProcess(script, ['--runs', '0']);
    expect(zero.stderr).toContain('bench:decisions: --runs must be a positive integer, received "0"');
    expect(zero.exitCode).toBe(2);
    const unknown = await runScriptInProcess(script, ['--run', '10']);
    expect(unknown.stderr).toContain("Unknown option '--run'");
    expect(unknown.exitCode).toBe(2);
    const trials = await runScriptInProcess(script, ['--trials', '2.5']);
    expect([trials.exitCode, trials.stderr]).toEqual([2, expect.stringContaining('--trials must be a positive integer, received "2.5"')]);
    const scenario = await runScriptInProcess(script, ['--scenario', 'quik']);
    expect([scenario.exitCode, scenario.stderr]).toEqual([2, expect.stringContaining('unknown scenario "quik"')]);
    const cwd = makeTempDir('bench-decisions-');
    const missing = await runScriptInProcess(script, ['--recorded', 'no-such-recorded-runs.json'], { cwd });
    expect(missing.stderr).toContain(join(cwd, 'no-such-recorded-runs.json'));
    expect(missing.exitCode).toBe(2);
  });

  it('prints a row per committed baseline and the threshold and lp-replay tables', { timeout: 60_000 }, async () => {
    const result = await runScriptInProcess(script, ['--runs', '10', '--threshold-runs', '5', '--seed', 'command-line-test']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^bench:decisions {2}seed "command-line-test" {2}10 simulated runs per cell \(regression\), 5 \(thresholds\)/);
    const files = readdirSync(BASELINES, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => readdirSync(join(BASELINES, d.name)));
    const rows = result.stdout.split('\n').filter((line) => /^\| [a-z0-9-]+ \((time-sliced|mps|platform-default)\) \|/.test(line));
    expect(rows).toHaveLength(files.length);
    expect(result.stdout).toContain('| hp-p99-improvement | improvement ');
    // Both quick baselines are of several runs whose recorded runs name their machines.
    expect(result.stdout).toMatch(/^quick \(time-sliced\), A\/A by the new run's machine: every draw passed on \d+ of the \d+ machines drawn/m);
    expect(result.stdout).toMatch(/^quick \(mps\), A\/A by the new run's machine: /m);
    expect(result.stdout).toContain('lp-throughput-loss on the recorded runs (A/A on real data, recorded-runs.json)');
  });

  it('--scenario, --trials and --stored-runs: only that scenario\'s rows, its runs cut and its baselines capped', { timeout: 60_000 }, async () => {
    const result = await runScriptInProcess(script, ['--runs', '5', '--threshold-runs', '5', '--scenario', 'quick', '--trials', '4', '--stored-runs', '6']);
    expect(result.exitCode).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => /^\| [a-z0-9-]+ \((time-sliced|mps|platform-default)\) \|/.test(line));
    // No recorded MPS run has 4 trials: no row, rather than the shifts against the uncut baseline it once fell back to.
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| quick (time-sliced)']);
    expect(result.stdout).toContain('Note: quick (mps): not simulated: fewer than 2 recorded runs of quick mps 10 s pinned 4 (worker 0.2.0) with 4 or more trials have every judged metric.');
    expect(rows[0]).toMatch(/^\| quick \(time-sliced\) \| 4 \/ \d runs \(of \d+\) x 4 \|/);
    expect(result.stdout).toContain('quick (time-sliced): every run, new and stored, cut to its first 4 trials; recorded runs with fewer left out (--trials).');
  });

  it('prints no rate it could not simulate: runs of one machine give no row across machines, too few runs no row at all', { timeout: 60_000 }, async () => {
    // The committed recorded runs, the pinned quick time-sliced ones cut to those of the machine with the most.
    const file = JSON.parse(readFileSync(new URL('../../../scripts/bench-decisions/recorded-runs.json', import.meta.url), 'utf8')) as {
      machines: Record<string, string>;
      groups: Array<{ config: string; runs: Record<string, number[]> }>;
    };
    const pinned = file.groups.filter((g) => g.config === 'quick time-sliced 10 s pinned 4');
    const counts = new Map<string, number>();
    for (const id of Object.keys(pinned[0]!.runs)) counts.set(file.machines[id]!, (counts.get(file.machines[id]!) ?? 0) + 1);
    const [machine, runs] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    for (const g of pinned) g.runs = Object.fromEntries(Object.entries(g.runs).filter(([id]) => file.machines[id] === machine));
    const cwd = makeTempDir('bench-decisions-');
    writeFileSync(join(cwd, 'one-machine.json'), JSON.stringify(file));
    const result = await runScriptInProcess(script, ['--runs', '5', '--threshold-runs', '5', '--scenario', 'quick', '--trials', '3', '--recorded', 'one-machine.json'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toMatch(/^\| quick \(time-sliced\) \|/m);
    expect(result.stdout).toContain(`Note: quick (time-sliced): no row across machines: the ${runs} recorded runs of quick time-sliced 10 s pinned 4 (worker 0.2.0) with 3 or more trials are all of one machine`);
    expect(result.stdout).toMatch(/^\| quick \(time-sliced\), own machine \| 3 \//m);
    expect(result.stdout).toMatch(/^\| quick \(mps\) \|/m);

    const none = await runScriptInProcess(script, ['--runs', '5', '--threshold-runs', '5', '--scenario', 'quick', '--trials', '99']);
    expect(none.exitCode).toBe(0);
    expect(none.stdout).toContain('(no baseline could be simulated: the notes below say why)');
    expect(none.stdout).toContain('Note: quick (time-sliced): not simulated: fewer than 2 recorded runs of quick time-sliced 10 s pinned 4 (worker 0.2.0) with 99 or more trials have every judged metric.');
    expect(none.stdout).not.toMatch(/^\| quick \((mps|time-sliced)\)/m);
  });
});
