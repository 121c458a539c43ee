// The workload a scenario runs (docs/workloads.md): native unless the scenario or PERF_WORKLOAD
// says pytorch; a bad value is refused quoting it; the choice is recorded as an override and
// keeps a PyTorch run from being judged against a native worker's baseline.

import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { resolveScenario, workloadOfScenario } from '../../../perf/lib/plan/config/resolve-scenario.ts';
import { SettingsError } from '../../../perf/lib/plan/config/settings.ts';
import { listKnownPerfVariables } from '../../../perf/lib/plan/config/known-variables.ts';
import { diffWorkload, workloadOfRun } from '../../../perf/lib/store/baselines/workload.ts';
import { makeRunRecord } from '../../fixtures/run-record/index.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const settingsFrom = (env: Record<string, string>) => loadSettings(env, makeTempDir('workload-'));

describe('the workload setting', () => {
  it('is native by default and pytorch with PERF_WORKLOAD=pytorch, recorded as an override', () => {
    expect(resolveScenario('quick', settingsFrom({}), 'cuda').workload).toBe('native');
    const settings = settingsFrom({ PERF_WORKLOAD: 'pytorch' });
    expect(workloadOfScenario('quick', settings)).toBe('pytorch');
    const scenario = resolveScenario('quick', settings, 'cuda');
    expect(scenario.workload).toBe('pytorch');
    expect(scenario.overrides).toEqual([{ field: 'workload', catalogueValue: 'native', value: 'pytorch', source: 'PERF_WORKLOAD' }]);
  });

  it('refuses an unknown workload, quoting the value and listing the accepted ones', () => {
    expect(() => settingsFrom({ PERF_WORKLOAD: 'torch' })).toThrow(SettingsError);
    expect(() => settingsFrom({ PERF_WORKLOAD: 'torch' })).toThrow('PERF_WORKLOAD="torch": expected one of native, pytorch');
  });

  it('is a known PERF_* variable, so strict mode does not reject it', () => {
    expect(listKnownPerfVariables()).toContain('PERF_WORKLOAD');
  });

  it('makes a PyTorch run not comparable with a baseline of the native worker', () => {
    const native = workloadOfRun(makeRunRecord(resolveScenario('quick', settingsFrom({}), 'cuda'), []));
    const pytorch = workloadOfRun(makeRunRecord(resolveScenario('quick', settingsFrom({ PERF_WORKLOAD: 'pytorch' }), 'cuda'), []));
    expect(diffWorkload(native, pytorch)).toEqual([{ field: 'kind', stored: 'native', current: 'pytorch' }]);
    const { kind: _kind, ...writtenBeforeWorkloads } = native;
    expect(diffWorkload(writtenBeforeWorkloads, native)).toEqual([]);
  });
});
