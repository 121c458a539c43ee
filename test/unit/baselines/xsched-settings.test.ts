import { describe, expect, it } from 'vitest';
import { diffXschedSettings, settingsRestoringXsched, xschedSettingsOfRun } from '../../../perf/lib/store/baselines/xsched-settings.ts';
import type { BaselineXschedSettings } from '../../../perf/lib/documents/types/baseline.ts';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';

const env = (priority: number, threshold: number, batchSize: number) => ({
  XSCHED_SCHEDULER: 'GLB',
  XSCHED_AUTO_XQUEUE: 'ON',
  XSCHED_AUTO_XQUEUE_PRIORITY: String(priority),
  XSCHED_AUTO_XQUEUE_LEVEL: '1',
  XSCHED_AUTO_XQUEUE_THRESHOLD: String(threshold),
  XSCHED_AUTO_XQUEUE_BATCH_SIZE: String(batchSize),
});

// Only the fields xschedSettingsOfRun reads; the rest of a record does not matter here.
const runWith = (trials: Array<{ arm: string; xsched: unknown }>) => ({ trials }) as unknown as RunRecord;

const DEFAULTS: BaselineXschedSettings = { policy: 'HPF', level: 1, hp: { priority: 1, threshold: 16, batchSize: 8 }, lp: { priority: 0, threshold: 4, batchSize: 2 } };

describe('xschedSettingsOfRun', () => {
  it('reads policy, level and each role from the first xsched arm-trial with evidence', () => {
    const record = runWith([
      { arm: 'baseline', xsched: null },
      { arm: 'xsched', xsched: null }, // a skipped or failed arm-trial records none
      { arm: 'xsched', xsched: { policy: 'HPF', env: { hp: env(1, 16, 8), lp: env(0, 4, 2) } } },
    ]);
    expect(xschedSettingsOfRun(record)).toEqual(DEFAULTS);
  });

  it('is null for a run without xsched evidence, or whose evidence lacks a setting (never NaN)', () => {
    expect(xschedSettingsOfRun(runWith([{ arm: 'baseline', xsched: null }]))).toBeNull();
    const { XSCHED_AUTO_XQUEUE_THRESHOLD: _dropped, ...noThreshold } = env(0, 4, 2);
    expect(xschedSettingsOfRun(runWith([{ arm: 'xsched', xsched: { policy: 'HPF', env: { hp: env(1, 16, 8), lp: noThreshold } } }]))).toBeNull();
  });
});

describe('diffXschedSettings and settingsRestoringXsched', () => {
  it('no difference between equal settings', () => {
    expect(diffXschedSettings(DEFAULTS, structuredClone(DEFAULTS))).toEqual([]);
  });

  it('lists each differing field (stored, current) and the settings that restore the stored ones', () => {
    const current = { ...DEFAULTS, policy: 'CFS', lp: { priority: 0, threshold: 1, batchSize: 1 } };
    const differences = diffXschedSettings(DEFAULTS, current);
    expect(differences).toEqual([
      { field: 'policy', stored: 'HPF', current: 'CFS' },
      { field: 'lp.threshold', stored: 4, current: 1 },
      { field: 'lp.batchSize', stored: 2, current: 1 },
    ]);
    expect(settingsRestoringXsched(differences)).toEqual(['PERF_XSCHED_POLICY=HPF', 'PERF_XSCHED_THRESHOLD_LP=4', 'PERF_XSCHED_BATCH_SIZE_LP=2']);
  });
});
