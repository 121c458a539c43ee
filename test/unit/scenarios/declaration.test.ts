// Scenario declarations (perf/lib/plan/scenarios/declaration.ts): the built-in scenarios
// declared through them come out identical (so names, workloads and baseline keys are
// unchanged), a new scenario becomes known to planning and evaluation, and every bad
// value is reported at once, quoted.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateRequirementsOf, getCatalogueEntry, listBuiltInScenarioNames, listScenarioNames, registerScenario } from '../../../perf/lib/plan/scenarios/catalogue.ts';
import { declarationOfEntry, entryFromDeclaration, type PerfScenarioDeclaration } from '../../../perf/lib/plan/scenarios/declaration.ts';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { resolveScenario } from '../../../perf/lib/plan/config/resolve-scenario.ts';
import { builtInThresholds } from '../../../perf/lib/suite/define-perf-scenario.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');

const burst = (overrides: Partial<PerfScenarioDeclaration> = {}): PerfScenarioDeclaration => ({
  name: 'test-burst',
  description: 'a declared test scenario',
  models: { hp: 'resnet18', lp: 'resnet50' },
  batch: { hp: 1, lp: 32 },
  rates: { hpHz: 200 },
  arrival: 'poisson',
  durationMs: 10_000,
  budgetMs: 90_000,
  sharing: 'auto',
  arms: ['hp-alone', 'baseline', 'xsched'],
  requiredVerdicts: ['hp-achieved-rate', 'hp-p99-improvement'],
  thresholds: { ...builtInThresholds('quick'), hpP99ImprovementMinFraction: { value: 0.2, why: 'a fifth' } },
  ...overrides,
});

describe('scenario declarations', () => {
  it.each(listBuiltInScenarioNames())('%s declared through definePerfScenario is exactly the catalogue entry (same workload, same baseline key)', (name) => {
    const entry = entryFromDeclaration(declarationOfEntry(getCatalogueEntry(name)));
    expect(entry).toEqual(getCatalogueEntry(name));
    // registerScenario compares with isDeepStrictEqual: any difference at all would throw.
    expect(() => registerScenario(entry)).not.toThrow();
  });

  it('every stored baseline (baselines/<scenario>/) belongs to a scenario a spec file declares under its name', () => {
    const stored = readdirSync(join(repoRoot, 'baselines'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(stored.length).toBeGreaterThan(0);
    for (const name of stored) expect(existsSync(join(repoRoot, 'perf', `${name}.perf.ts`)), name).toBe(true);
  });

  it('a new scenario: budget 90 s / (3 arms x 10 s) = 3 trials, one threshold for every sharing mode, known to planning and evaluation once registered', () => {
    const entry = entryFromDeclaration(burst());
    expect(entry).toMatchObject({ trials: 3, hp: { model: 'resnet18', batch: 1, rateHz: 200, arrival: 'poisson', imageSize: 224 }, lp: { batch: 32 }, minTrials: 3, confidence: 0.95 });
    expect(entry.thresholds.bySharing.mps.hpP99ImprovementMinFraction).toBe(0.2);
    expect(entry.thresholds.bySharing['time-sliced'].hpP99ImprovementMinFraction).toBe(0.2);
    expect(entry.thresholds.why.hpP99ImprovementMinFraction).toBe('a fifth');
    expect(listScenarioNames()).not.toContain('test-burst');
    expect(() => loadSettings({ PERF_SCENARIOS: 'test-burst' }, '/')).toThrow(/PERF_SCENARIOS="test-burst": expected a comma list of distinct scenario names from quick, standard, intensive, intensive-30s, standard-mps, intensive-mps, intensive-30s-mps, or declared by a spec file perf\/<name>.perf.ts/);
    registerScenario(entry);
    expect(gateRequirementsOf('test-burst')).toEqual({ requiredVerdicts: ['hp-achieved-rate', 'hp-p99-improvement'], minTrials: 3 });
    expect(loadSettings({ PERF_SCENARIOS: 'test-burst' }, '/').scenarios).toEqual(['test-burst']);
    expect(resolveScenario('test-burst', loadSettings({}, '/'), 'cuda')).toMatchObject({ name: 'test-burst', sharing: 'time-sliced', arms: ['hp-alone', 'baseline', 'xsched'], trials: 3 });
  });

  it('a declared workload reaches the entry and the resolved scenario; an unknown one is refused, quoted', () => {
    const entry = entryFromDeclaration(burst({ name: 'test-torch', workload: 'pytorch' }));
    expect(entry.workload).toBe('pytorch');
    registerScenario(entry);
    expect(resolveScenario('test-torch', loadSettings({}, '/'), 'cuda').workload).toBe('pytorch');
    expect(() => entryFromDeclaration(burst({ workload: 'torch' as never }))).toThrow(/workload="torch": expected one of native, pytorch/);
  });

  it('PERF_SCENARIOS accepts a scenario that a spec file of the repo declares (perf/poisson-burst.perf.ts) without loading it', () => {
    expect(loadSettings({ PERF_SCENARIOS: 'quick,poisson-burst' }, repoRoot).scenarios).toEqual(['quick', 'poisson-burst']);
    expect(() => loadSettings({ PERF_SCENARIOS: 'quik' }, repoRoot)).toThrow(/PERF_SCENARIOS="quik": expected/);
  });

  it('a built-in name with other values is refused: its baselines are keyed by it', () => {
    const changed = entryFromDeclaration({ ...declarationOfEntry(getCatalogueEntry('quick')), durationMs: 20_000 });
    expect(() => registerScenario(changed)).toThrow('scenario "quick" is a built-in scenario (perf/lib/plan/scenarios/catalogue.ts) with other values; give the new scenario its own name');
  });

  it('reports every problem at once, each quoting its value', () => {
    const bad = { ...burst(), batch: { hp: 1, lp: 0 }, arrival: 'bursty', trials: 3, name: 'Burst!', colour: 'red' } as unknown as PerfScenarioDeclaration;
    bad.thresholds = { ...bad.thresholds, lpThroughputLossMaxFraction: { value: 1.5, why: '' } };
    let message = '';
    try {
      entryFromDeclaration(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('definePerfScenario "Burst!": 7 problem(s):');
    for (const expected of [
      'colour: unknown field; expected one of name, description',
      'name="Burst!": expected lower-case letters and digits',
      'batch.lp=0: expected an integer >= 1 and <= 4096',
      'arrival="bursty": expected uniform or poisson',
      'trials=3, budgetMs=90000: give exactly one of them',
      'thresholds.lpThroughputLossMaxFraction.value=1.5: expected a fraction >= 0 and < 1, or one for each of time-sliced, mps, platform-default',
      'thresholds.lpThroughputLossMaxFraction.why="": expected the reason for this number',
    ]) expect(message).toContain(expected);
  });

  it('checks fields against each other: a verdict without its arms, a budget that fits no trial, a schedule with no request', () => {
    expect(() => entryFromDeclaration(burst({ arms: ['hp-alone', 'xsched'] }))).toThrow('requiredVerdicts includes "hp-p99-improvement", which compares arm(s) baseline missing from arms=["hp-alone","xsched"]: add them or drop the verdict');
    expect(() => entryFromDeclaration(burst({ budgetMs: 20_000 }))).toThrow('budgetMs=20000 fits no trial: one trial runs 3 arm(s) x durationMs=10000 = 30000 ms');
    expect(() => entryFromDeclaration(burst({ rates: { hpHz: 0.05 } }))).toThrow('rates.hpHz=0.05 for durationMs=10000 schedules no hp request: raise either');
  });
});
