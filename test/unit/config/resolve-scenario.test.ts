import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { resolveScenario } from '../../../perf/lib/plan/config/resolve-scenario.ts';
import { SharingUnsupportedError } from '../../../perf/lib/plan/scenarios/sharing.ts';
import { INTENSIVE_THRESHOLDS, STANDARD_THRESHOLDS } from '../../../perf/lib/plan/scenarios/thresholds.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const settingsFrom = (env: Record<string, string>) => loadSettings(env, makeTempDir('resolve-'));

describe('resolveScenario without overrides', () => {
  it('gives the catalogue values with the platform default sharing and its thresholds', () => {
    const scenario = resolveScenario('standard', settingsFrom({}), 'cuda');
    expect(scenario).toMatchObject({ name: 'standard', durationMs: 60_000, trials: 3, sharing: 'time-sliced', seed: 1 });
    expect(scenario.thresholds).toEqual(STANDARD_THRESHOLDS.bySharing['time-sliced']);
    expect(scenario.arms).toEqual(['hp-alone', 'lp-alone', 'baseline', 'xsched']);
    expect(scenario.overrides).toBeUndefined();
  });

  it('resolves auto to platform-default on AMD, with the AMD thresholds', () => {
    const scenario = resolveScenario('intensive', settingsFrom({}), 'hip-amd');
    expect(scenario.sharing).toBe('platform-default');
    expect(scenario.thresholds.hpP99ImprovementMinFraction).toBe(INTENSIVE_THRESHOLDS.bySharing['platform-default'].hpP99ImprovementMinFraction);
  });

  it('refuses to guess sharing "auto" without a platform, but takes an explicit mode', () => {
    expect(() => resolveScenario('standard', settingsFrom({}))).toThrow(/sharing is "auto".*no platform was given/);
    expect(resolveScenario('standard-mps', settingsFrom({})).sharing).toBe('mps');
    expect(resolveScenario('standard', settingsFrom({ PERF_SHARING: 'time-sliced' })).sharing).toBe('time-sliced');
  });

  it('refuses MPS on AMD', () => {
    expect(() => resolveScenario('standard-mps', settingsFrom({}), 'hip-amd')).toThrow(SharingUnsupportedError);
  });
});

describe('resolveScenario with overrides', () => {
  it('applies each override and records catalogue value, new value and source', () => {
    const env = { PERF_TRIALS: '5', PERF_HP_RATE_HZ: '15', PERF_IMAGE_SIZE: '128', PERF_DURATION_S: '30', PERF_SHARING: 'mps' };
    const scenario = resolveScenario('standard', settingsFrom(env), 'cuda');
    expect(scenario).toMatchObject({ trials: 5, durationMs: 30_000, sharing: 'mps' });
    expect(scenario.hp).toMatchObject({ rateHz: 15, imageSize: 128 });
    expect(scenario.lp.imageSize).toBe(128);
    expect(scenario.thresholds).toEqual(STANDARD_THRESHOLDS.bySharing.mps);
    expect(scenario.overrides).toEqual([
      { field: 'durationMs', catalogueValue: 60_000, value: 30_000, source: 'PERF_DURATION_S' },
      { field: 'trials', catalogueValue: 3, value: 5, source: 'PERF_TRIALS' },
      { field: 'hp.rateHz', catalogueValue: 10, value: 15, source: 'PERF_HP_RATE_HZ' },
      { field: 'imageSize', catalogueValue: 224, value: 128, source: 'PERF_IMAGE_SIZE' },
      { field: 'sharing', catalogueValue: 'auto', value: 'mps', source: 'PERF_SHARING' },
    ]);
  });

  it('does not change the catalogue for the next caller', () => {
    resolveScenario('quick', settingsFrom({ PERF_LP_BATCH: '64' }), 'cuda');
    expect(resolveScenario('quick', settingsFrom({}), 'cuda').lp.batch).toBe(8);
  });

  it('adds and removes arms (+/-), keeping the interleaving order', () => {
    const added = resolveScenario('quick', settingsFrom({ PERF_ARMS: '+stream-priority,-hp-alone' }), 'cuda');
    expect(added.arms).toEqual(['lp-alone', 'baseline', 'xsched', 'stream-priority']);
    const replaced = resolveScenario('quick', settingsFrom({ PERF_ARMS: 'xsched,baseline' }), 'cuda');
    expect(replaced.arms).toEqual(['baseline', 'xsched']);
    expect(replaced.overrides?.[0]).toMatchObject({ field: 'arms', value: ['baseline', 'xsched'], source: 'PERF_ARMS' });
  });

  it('PERF_REFERENCE_ARMS adds reference arms after PERF_ARMS, in interleaving order', () => {
    const scenario = resolveScenario('quick', settingsFrom({ PERF_ARMS: '-hp-alone', PERF_REFERENCE_ARMS: 'mps-lp90,mps-lp50' }), 'cuda');
    expect(scenario.arms).toEqual(['lp-alone', 'baseline', 'xsched', 'mps-lp50', 'mps-lp90']);
    const only = resolveScenario('quick', settingsFrom({ PERF_REFERENCE_ARMS: 'mps-lp70' }), 'cuda');
    expect(only.overrides?.[0]).toMatchObject({ field: 'arms', value: ['hp-alone', 'lp-alone', 'baseline', 'xsched', 'mps-lp70'], source: 'PERF_REFERENCE_ARMS' });
  });

  it('refuses a run with no arm left or no hp request scheduled', () => {
    const noArms = settingsFrom({ PERF_ARMS: '-hp-alone,-lp-alone,-baseline,-xsched' });
    expect(() => resolveScenario('quick', noArms, 'cuda')).toThrow(/PERF_ARMS removes every arm/);
    const noRequests = settingsFrom({ PERF_HP_RATE_HZ: '0.5', PERF_DURATION_S: '1' });
    expect(() => resolveScenario('quick', noRequests, 'cuda')).toThrow(/0.5 req\/s for 1000 ms schedules no hp request/);
  });
});
