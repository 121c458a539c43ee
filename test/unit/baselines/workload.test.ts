import { describe, expect, it } from 'vitest';
import { diffWorkload, formatWorkloadDifferences, settingsRestoringWorkload, workloadOfRun } from '../../../perf/lib/store/baselines/workload.ts';
import type { BaselineWorkload } from '../../../perf/lib/documents/types/baseline.ts';
import { makeRunRecord } from './run-fixture.ts';

const stored = (): BaselineWorkload => workloadOfRun(makeRunRecord());

describe('workloadOfRun', () => {
  it('copies only the workload fields of the scenario, not the object itself', () => {
    const record = makeRunRecord();
    const workload = workloadOfRun(record);
    expect(workload).toEqual({
      hp: { model: 'resnet18', batch: 1, imageSize: 224, rateHz: 10, arrival: 'uniform' },
      lp: { model: 'resnet50', batch: 8, imageSize: 224 },
      durationMs: 10_000,
      kind: 'native',
    });
    record.scenario.hp.rateHz = 50;
    expect(workload.hp.rateHz).toBe(10);
  });
});

describe('diffWorkload', () => {
  it('is empty for the same workload', () => {
    expect(diffWorkload(stored(), stored())).toEqual([]);
  });

  it('lists each differing field as stored and current, in the file order', () => {
    const current = stored();
    current.durationMs = 180_000;
    current.lp.batch = 16;
    current.hp.rateHz = 50;
    const differences = diffWorkload(stored(), current);
    expect(differences).toEqual([
      { field: 'hp.rateHz', stored: 10, current: 50 },
      { field: 'lp.batch', stored: 8, current: 16 },
      { field: 'durationMs', stored: 10_000, current: 180_000 },
    ]);
    expect(formatWorkloadDifferences(differences)).toBe('hp.rateHz 10 -> 50, lp.batch 8 -> 16, durationMs 10000 -> 180000');
  });
});

describe('settingsRestoringWorkload', () => {
  it('gives the variables that set the stored values back, the shared image size once, and the fields no variable sets', () => {
    const current = stored();
    current.hp.imageSize = 320;
    current.lp.imageSize = 320;
    current.lp.model = 'resnet18';
    current.durationMs = 180_000;
    expect(settingsRestoringWorkload(diffWorkload(stored(), current))).toEqual({
      settings: ['PERF_IMAGE_SIZE=224', 'PERF_DURATION_S=10'],
      unsettable: ['lp.model'],
    });
  });
});
