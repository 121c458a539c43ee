// What perf:doctor says the regression verdicts will see (perf/lib/evaluate/verdicts/expected-power.ts):
// the verdicts' own rates, with the stored first run standing in for the new run's trials.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { expectedRegressionPower } from '../../../perf/lib/evaluate/verdicts/expected-power.ts';
import { ownMachineRuns } from '../../../perf/lib/evaluate/verdicts/own-machine-runs.ts';
import { getCatalogueEntry } from '../../../perf/lib/plan/scenarios/catalogue.ts';
import { parseBaselineFile } from '../../../perf/lib/store/baselines/parse-baseline.ts';

const quick = getCatalogueEntry('quick');
const thresholds = quick.thresholds.bySharing['time-sliced'];

/** A one-run baseline whose three trials differ by `spread` (a fraction) around the given levels. */
function oneRun(spread: number): BaselineFile {
  const around = (level: number) => [level * (1 - spread), level, level * (1 + spread)];
  const arm = (hp: number, lp: number) => ({ hpP99Ms: around(hp), hpP50Ms: around(hp / 2), hpAchievedRateHz: [50, 50, 50], lpIterPerSec: around(lp), hpHistogram: null });
  return {
    key: { scenario: 'quick', platform: 'cuda', gpuName: 'NVIDIA H200', arch: 'sm_90', sharing: 'time-sliced' },
    runId: '2026-11-30T09-00-00Z-quick-test',
    workerVersion: '0.2.0',
    workload: { durationMs: 10_000, pinnedCpus: 0 },
    arms: { baseline: arm(2.6, 303), xsched: arm(1.2, 286) },
  } as unknown as BaselineFile;
}

describe('expectedRegressionPower', () => {
  it('one rate pair per judged arm and metric, each a probability', () => {
    const power = expectedRegressionPower(oneRun(0.01), thresholds, quick.confidence, 3);
    expect(power.map((p) => `${p.arm}.${p.metric}`)).toEqual(['baseline.hp-p99', 'baseline.lp-throughput', 'xsched.hp-p99', 'xsched.lp-throughput']);
    for (const p of power) {
      expect(p.detectionRate).toBeGreaterThanOrEqual(0);
      expect(p.detectionRate).toBeLessThanOrEqual(1);
      expect(p.falseFailRate).toBeLessThanOrEqual(1 - quick.confidence);
    }
  });

  it('noisier trials see less: the unpinned xsched between-run value (0.22) leaves +20% far below 90%', () => {
    const xschedHp = (spread: number) => expectedRegressionPower(oneRun(spread), thresholds, quick.confidence, 3).find((p) => p.arm === 'xsched' && p.metric === 'hp-p99')!;
    expect(xschedHp(0.01).detectionRate).toBeLessThan(0.5);
    expect(xschedHp(0.2).detectionRate).toBeLessThan(xschedHp(0.01).detectionRate);
  });

  it('on the committed quick baseline (45 runs on 13 H200s), for a machine it has not seen: about what the verdict reports replayed against it', () => {
    const path = resolve(import.meta.dirname, '../../../baselines/quick/cuda-sm_90-nvidia-h200-time-sliced.json');
    const stored = parseBaselineFile(path, JSON.parse(readFileSync(path, 'utf8')));
    const xschedHp = expectedRegressionPower(stored, thresholds, quick.confidence, 3).find((p) => p.arm === 'xsched' && p.metric === 'hp-p99')!;
    // Replayed against 33 of its runs, the injected 517b (docs/gpu-results.md section 20) read "+20%
    // change 61.2%", "unchanged fails 4.4%"; the stand-in trials are the stored first run's (42de).
    // 45 runs on 13 H200s (docs/gpu-results.md section 23): 67.6%, the new machine's run mean near
    // the others' narrowing the machine spread. Judged on the runs' floors since 2026-12-02
    // (trial-floor.ts: a stalled trial no longer widens the spread): 86.8%.
    expect(xschedHp.detectionRate).toBeGreaterThan(0.8);
    expect(xschedHp.detectionRate).toBeLessThan(0.92);
    expect(xschedHp.falseFailRate).toBeGreaterThan(0.03);
    expect(xschedHp.falseFailRate).toBeLessThanOrEqual(0.05);
    expect(xschedHp.ownMachineRuns).toBeNull();
  });

  it('on one of its machines, as a run there is judged: against that machine\'s own runs', () => {
    const path = resolve(import.meta.dirname, '../../../baselines/quick/cuda-sm_90-nvidia-h200-time-sliced.json');
    const stored = parseBaselineFile(path, JSON.parse(readFileSync(path, 'utf8')));
    const machineOf = (prefix: string) => stored.runs!.find((r) => r.machine!.startsWith(prefix))!.machine!;
    const xschedHpOn = (machine: string) => expectedRegressionPower(stored, thresholds, quick.confidence, 3, ownMachineRuns(stored, machine)).find((p) => p.arm === 'xsched' && p.metric === 'hp-p99')!;
    // GPU-b0f6c78f: 7 runs whose trials spread little; GPU-8a7c6967: 9 runs, twice the spread
    // (docs/statistics.md 3.4, "A machine's own runs"); both within hours, so the recorded floor holds.
    const quiet = xschedHpOn(machineOf('GPU-b0f6c78f'));
    const noisy = xschedHpOn(machineOf('GPU-8a7c6967'));
    expect([quiet.ownMachineRuns, noisy.ownMachineRuns]).toEqual([7, 9]);
    // On floors (trial-floor.ts): 86.4% and 66.0% (81% and 47% on means of trials).
    expect(quiet.detectionRate).toBeGreaterThan(0.8);
    expect(noisy.detectionRate).toBeLessThan(0.75);
    expect(noisy.detectionRate).toBeLessThan(quiet.detectionRate);
    // A machine with 2 runs in it: judged against the whole baseline, as a machine it has not seen.
    expect(xschedHpOn(machineOf('GPU-71d9282a')).ownMachineRuns).toBeNull();
  });
});
