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
      pinnedCpus: 0,
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

describe('pinned CPUs (PERF_CPUS)', () => {
  it('records how many CPUs the run was pinned to, 0 when not pinned', () => {
    const record = makeRunRecord();
    record.scenario.cpuPlacement = { cpus: [32, 33, 34, 35], chosenBy: 'auto: ...' };
    expect(workloadOfRun(record).pinnedCpus).toBe(4);
  });

  it('reads a file without the field (written before placement existed) as not pinned, and names the setting that matches it', () => {
    const { pinnedCpus: _, ...old } = stored();
    const pinned = { ...stored(), pinnedCpus: 4 };
    const differences = diffWorkload(old, pinned);
    expect(differences).toEqual([{ field: 'pinnedCpus', stored: 0, current: 4 }]);
    expect(settingsRestoringWorkload(differences)).toEqual({ settings: ['PERF_CPUS=none'], unsettable: [] });
    expect(settingsRestoringWorkload(diffWorkload(pinned, old)).settings).toEqual(['PERF_CPUS=<a list of 4 CPUs, e.g. 0-3>']);
  });
});
