import { describe, expect, it } from 'vitest';
import { DEFAULT_ARMS, getCatalogueEntry, listBuiltInScenarioNames } from '../../../perf/lib/plan/scenarios/catalogue.ts';
import type { SharingMode, Thresholds } from '../../../perf/lib/documents/types/scenario.ts';
import { minRequestsForPercentile } from '../../../perf/lib/evaluate/index.ts';

const MODES: SharingMode[] = ['time-sliced', 'mps', 'platform-default'];
const THRESHOLD_KEYS: Array<keyof Thresholds> = [
  'hpAchievedRateMinFraction',
  'hpP99ImprovementMinFraction',
  'lpThroughputLossMaxFraction',
  'regressionP99Tolerance',
  'regressionLpTolerance',
];

describe('scenario catalogue', () => {
  it('has the five named scenarios', () => {
    expect(listBuiltInScenarioNames()).toEqual(['quick', 'standard', 'intensive', 'intensive-30s', 'standard-mps', 'intensive-mps', 'intensive-30s-mps']);
  });

  it("matches the seed's experiments (docs/configuration.md, \"Scenarios\")", () => {
    const standard = getCatalogueEntry('standard');
    const intensive = getCatalogueEntry('intensive');
    expect([standard.hp.model, standard.hp.batch, standard.hp.rateHz, standard.lp.model, standard.lp.batch, standard.durationMs])
      .toEqual(['resnet18', 1, 10, 'resnet50', 8, 60_000]);
    expect([intensive.hp.model, intensive.hp.batch, intensive.hp.rateHz, intensive.lp.model, intensive.lp.batch, intensive.durationMs])
      .toEqual(['resnet18', 1, 20, 'resnet50', 1024, 180_000]);
    const quick = getCatalogueEntry('quick');
    expect([quick.hp.rateHz, quick.lp.batch, quick.durationMs]).toEqual([50, 8, 10_000]);
  });

  it('MPS variants differ from their base only in name, description and sharing', () => {
    for (const base of ['standard', 'intensive']) {
      const { name: _n, description: _d, sharing, ...rest } = getCatalogueEntry(`${base}-mps`);
      const { name: _bn, description: _bd, sharing: baseSharing, ...baseRest } = getCatalogueEntry(base);
      expect([sharing, baseSharing]).toEqual(['mps', 'auto']);
      expect(rest).toEqual(baseRest);
    }
  });

  it.each(listBuiltInScenarioNames())('%s: 3 interleaved trials, 95%% confidence, default arms, fixed seed', (name) => {
    const entry = getCatalogueEntry(name);
    expect(entry.trials).toBe(3);
    expect(entry.confidence).toBe(0.95);
    expect(entry.arms).toEqual([...DEFAULT_ARMS]);
    expect(entry.arms).not.toContain('stream-priority');
    expect(Number.isSafeInteger(entry.seed)).toBe(true);
  });

  it.each(listBuiltInScenarioNames())('%s: thresholds in range for every sharing mode, each with a reason', (name) => {
    const { thresholds } = getCatalogueEntry(name);
    for (const mode of MODES) {
      const t = thresholds.bySharing[mode];
      expect(t.hpAchievedRateMinFraction).toBe(0.95);
      expect(t.lpThroughputLossMaxFraction).toBe(0.1);
      // Fractions in [0, 1), as evaluation's resolveThresholds requires.
      for (const key of THRESHOLD_KEYS) {
        expect(t[key]).toBeGreaterThanOrEqual(0);
        expect(t[key]).toBeLessThan(1);
      }
      expect(t.regressionP99Tolerance).toBeGreaterThan(0);
      expect(t.regressionLpTolerance).toBeGreaterThan(0);
    }
    for (const key of THRESHOLD_KEYS) expect(thresholds.why[key].length).toBeGreaterThan(20);
  });

  it('asks more of XSched where native contention is severe (MPS, AMD) than on time-sliced NVIDIA', () => {
    for (const name of listBuiltInScenarioNames()) {
      const { bySharing } = getCatalogueEntry(name).thresholds;
      expect(bySharing.mps.hpP99ImprovementMinFraction).toBeGreaterThan(bySharing['time-sliced'].hpP99ImprovementMinFraction);
      expect(bySharing['platform-default'].hpP99ImprovementMinFraction).toBeGreaterThan(bySharing['time-sliced'].hpP99ImprovementMinFraction);
    }
  });

  it('every scenario schedules enough hp requests for a P99 by the evaluator\'s own rule (MLPerf LoadGen early stopping)', () => {
    for (const name of listBuiltInScenarioNames()) {
      const entry = getCatalogueEntry(name);
      const perTrial = entry.hp.rateHz * (entry.durationMs / 1000);
      // quick: 50 req/s x 10 s = 500 per trial against LoadGen's 473 for P99 at 95%.
      expect(perTrial * entry.trials, name).toBeGreaterThanOrEqual(minRequestsForPercentile(0.99, entry.confidence));
    }
    expect(getCatalogueEntry('quick').hp.rateHz * 10).toBeGreaterThanOrEqual(minRequestsForPercentile(0.99, 0.95));
  });

  it('rejects an unknown name, listing the known ones; entries are copies', () => {
    expect(() => getCatalogueEntry('quik')).toThrow('unknown scenario "quik": expected one of quick, standard, intensive');
    getCatalogueEntry('quick').hp.rateHz = 99;
    expect(getCatalogueEntry('quick').hp.rateHz).toBe(50);
  });
});
