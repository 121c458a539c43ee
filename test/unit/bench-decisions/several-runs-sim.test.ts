// bench:decisions' bootstrap of whole recorded runs for a baseline of several runs
// (scripts/bench-decisions/several-runs-sim.ts), on a hand-made recorded-runs document.

import { describe, expect, it } from 'vitest';
import type { BaselineFile } from '../../../perf/lib/documents/types/baseline.ts';
import { createSeededRandom } from '../../../perf/lib/evaluate/stats/random/seeded-random.ts';
import { betweenRunNoise } from '../../../perf/lib/evaluate/verdicts/between-run-noise.ts';
import { getCatalogueEntry } from '../../../perf/lib/plan/scenarios/catalogue.ts';
import type { RecordedGroup } from '../../../scripts/bench-decisions/between-run-estimate.ts';
import type { RecordedRunsFile } from '../../../scripts/bench-decisions/scenario-noise.ts';
import { ownMachineRows } from '../../../scripts/bench-decisions/own-machine-rows.ts';
import { machinesWithOwnBaseline } from '../../../scripts/bench-decisions/run-placement.ts';
import { acrossMachinesSimulable, distinctPairings, drawSeveralRuns, modelPairings, ownMachineModel, severalRunsModel, severalRunsRow, severalRunsSimulator } from '../../../scripts/bench-decisions/several-runs-sim.ts';

const CONFIG = 'quick time-sliced 10 s pinned 4';
const RUNS = ['r0', 'r1', 'r2', 'r3', 'r4'];
const LEVEL = { 'baseline.hp-p99': 2.6, 'baseline.lp-throughput': 303, 'xsched.hp-p99': 1.2, 'xsched.lp-throughput': 286 } as const;
type Key = keyof typeof LEVEL;
const KEYS = Object.keys(LEVEL) as Key[];
// Every value names its key, run and trial: level x (1 + run / 100 + trial / 1000).
const value = (key: Key, run: number, trial: number): number => LEVEL[key] * (1 + run / 100 + trial / 1000);
const trialsOf = (key: Key, run: number): number[] => [0, 1, 2].map((t) => value(key, run, t));

function group(key: Key, runs: Record<string, number[]>, workerVersion = '0.2.0'): RecordedGroup {
  const [arm, metric] = key.split('.') as [string, string];
  return { config: CONFIG, arm, metric, workerVersion, runs };
}

const recorded: RecordedRunsFile = {
  schema: 'xsched-perf.recorded-runs',
  schemaVersion: 1,
  groups: [
    ...KEYS.map((key) => group(key, Object.fromEntries(RUNS.map((id, i) => [id, trialsOf(key, i)])))),
    // Not usable: a run missing from one group (xsched lp), and a run of another worker version.
    ...KEYS.filter((key) => key !== 'xsched.lp-throughput').map((key) => group(key, { partial: trialsOf(key, 9) })),
    ...KEYS.map((key) => group(key, { old: trialsOf(key, 8) }, '0.1.0')),
  ],
};

/** A baseline of `k` runs on `k` machines, each arm k runs x 3 trials (the values are replaced by the simulation). */
function baselineOf(k: number): BaselineFile {
  const runs = Array.from({ length: k }, (_, i) => ({ runId: `stored-${i}`, startedAt: `2026-11-30T0${i}:00:00Z`, machine: `GPU-${i}` }));
  const arm = (hp: number, lp: number) => ({
    hpP99Ms: Array(3 * k).fill(hp),
    hpP50Ms: Array(3 * k).fill(hp / 2),
    hpAchievedRateHz: Array(3 * k).fill(50),
    lpIterPerSec: Array(3 * k).fill(lp),
    hpHistogram: null,
    trialRuns: runs.flatMap((_, i) => [i, i, i]),
  });
  return {
    key: { scenario: 'quick', platform: 'cuda', gpuName: 'NVIDIA H200', arch: 'sm_90', sharing: 'time-sliced' },
    runId: 'stored-0',
    workerVersion: '0.2.0',
    workload: { durationMs: 10_000, pinnedCpus: 4 },
    runs,
    arms: { baseline: arm(2.6, 303), xsched: arm(1.2, 286) },
  } as unknown as BaselineFile;
}

const entry = getCatalogueEntry('quick');
const input = (stored: BaselineFile, trials = 3) => ({ stored, trials, thresholds: entry.thresholds.bySharing['time-sliced'], confidence: entry.confidence });

describe('severalRunsModel', () => {
  it('takes the runs present in all four groups of its configuration and worker version: R = 5, K = 3', () => {
    const model = severalRunsModel(input(baselineOf(3)), recorded)!;
    expect(model.keys).toEqual(KEYS);
    expect(model.runIds).toEqual(RUNS);
    expect([model.committedRuns, model.drawnRuns]).toEqual([3, 3]);
  });

  it('--trials: cuts every run, new and stored, to its first N trials and leaves out runs with fewer', () => {
    // r4 gains two trials; with cutStored at 4 only it has enough, so fewer than 2 runs fit.
    const longer: RecordedRunsFile = { ...recorded, groups: recorded.groups.map((g) => ({ ...g, runs: { ...g.runs, ...('r4' in g.runs ? { r4: [...g.runs.r4!, 1, 2] } : {}) } })) };
    expect(severalRunsModel({ ...input(baselineOf(3), 4), cutStored: true }, longer)).toBeNull();
    const cut = severalRunsModel({ ...input(baselineOf(3), 2), cutStored: true }, longer)!;
    expect(cut.runIds).toEqual(RUNS);
    expect(cut.values.get('xsched.hp-p99')!.r4).toEqual([value('xsched.hp-p99', 4, 0), value('xsched.hp-p99', 4, 1)]);
    const d = drawSeveralRuns(cut, createSeededRandom(1), null);
    expect(d.values.every((v) => v.current.length === 2 && v.stored.length === 2 * 3)).toBe(true);
    // Without it, stored runs stay whole.
    expect(severalRunsModel(input(baselineOf(3), 2), longer)!.values.get('xsched.hp-p99')!.r4).toHaveLength(5);
  });

  it('--stored-runs: at most K stored runs, across machines and on a runner\'s own', () => {
    const capped = severalRunsModel({ ...input(baselineOf(4)), maxStoredRuns: 2 }, recorded)!;
    expect([capped.committedRuns, capped.drawnRuns]).toEqual([4, 2]);
    expect(drawSeveralRuns(capped, createSeededRandom(1), null).storedRunIds).toHaveLength(2);
    expect(severalRunsRow(capped, 'q').note).toContain('q lists 4 runs; each simulated baseline is at most 2 of them (--stored-runs).');
    const onOne: RecordedRunsFile = { ...recorded, machines: Object.fromEntries(RUNS.map((id) => [id, 'GPU-a'])) };
    const own = ownMachineModel(severalRunsModel({ ...input(baselineOf(4)), maxStoredRuns: 2 }, onOne)!, ['GPU-a'], false);
    expect(drawSeveralRuns(own, createSeededRandom(1), null).storedRunIds).toHaveLength(2);
  });

  it('is null for a baseline of one run, and where fewer than 2 recorded runs fit', () => {
    const { runs: _, ...oneRun } = baselineOf(3);
    expect(severalRunsModel(input(oneRun as BaselineFile), recorded)).toBeNull();
    expect(severalRunsModel(input({ ...baselineOf(3), workerVersion: '0.1.0' }), recorded)).toBeNull(); // only "old"
  });
});

describe('drawSeveralRuns', () => {
  const model = severalRunsModel(input(baselineOf(3)), recorded)!;

  it('stores 3 distinct recorded runs other than the new one, their trials concatenated, trialRuns lined up', () => {
    const random = createSeededRandom(11);
    const seen = { current: new Set<string>(), stored: new Set<string>() };
    for (let draw = 0; draw < 40; draw++) {
      const d = drawSeveralRuns(model, random, null);
      seen.current.add(d.currentRun);
      d.storedRunIds.forEach((id) => seen.stored.add(id));
      expect(new Set(d.storedRunIds).size).toBe(3);
      expect(d.storedRunIds).not.toContain(d.currentRun);
      for (const v of d.values) {
        const key = v.key as Key;
        expect(v.stored).toEqual(d.storedRunIds.flatMap((id) => trialsOf(key, RUNS.indexOf(id))));
        expect(v.storedRuns).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
        expect(v.current).toEqual(trialsOf(key, RUNS.indexOf(d.currentRun)));
      }
      for (const arm of ['baseline', 'xsched'] as const) {
        const stored = d.baseline.arms[arm]!;
        expect(stored.trialRuns).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
        expect(stored.hpP99Ms).toEqual(d.values.find((v) => v.key === `${arm}.hp-p99`)!.stored);
        expect(stored.lpIterPerSec).toEqual(d.values.find((v) => v.key === `${arm}.lp-throughput`)!.stored);
      }
      // The committed runs' metadata stays: 3 runs on 3 machines, so the verdict estimates sigma_b.
      expect(d.baseline.runs).toEqual(model.stored.runs);
      expect(betweenRunNoise(d.baseline, 'xsched', 'hpP99').estimateFromRuns).toBe(true);
    }
    expect([...seen.current].sort()).toEqual(RUNS);
    expect([...seen.stored].sort()).toEqual(RUNS);
  });

  it('the new run is its first `trials` trials', () => {
    const d = drawSeveralRuns(severalRunsModel(input(baselineOf(3), 2), recorded)!, createSeededRandom(3), null);
    expect(d.values[0]!.current).toEqual(trialsOf('baseline.hp-p99', RUNS.indexOf(d.currentRun)).slice(0, 2));
  });

  it('the injected factor multiplies only the injected arm and metric of the new run', () => {
    const plain = drawSeveralRuns(model, createSeededRandom(5), null);
    const injected = drawSeveralRuns(model, createSeededRandom(5), { arm: 'xsched', metric: 'hp-p99', factor: 1.2 });
    expect(injected.currentRun).toBe(plain.currentRun);
    injected.values.forEach((v, i) => {
      expect(v.stored).toEqual(plain.values[i]!.stored);
      const factor = v.key === 'xsched.hp-p99' ? 1.2 : 1;
      v.current.forEach((c, t) => expect(c).toBeCloseTo(plain.values[i]!.current[t]! * factor, 12));
    });
    expect(injected.values.find((v) => v.key === 'xsched.hp-p99')!.current).not.toEqual(plain.values.find((v) => v.key === 'xsched.hp-p99')!.current);
  });

  it('the same seed gives the same draws; another seed others', () => {
    const draws = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 10 }, () => drawSeveralRuns(model, random, null));
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7).map((d) => [d.currentRun, ...d.storedRunIds])).not.toEqual(draws(8).map((d) => [d.currentRun, ...d.storedRunIds]));
  });

  it('a baseline of 5 runs with R = 5 recorded: K shrinks to R - 1 = 4, in the draw, the runs list and the table', () => {
    const shrunk = severalRunsModel(input(baselineOf(5)), recorded)!;
    expect([shrunk.committedRuns, shrunk.drawnRuns]).toEqual([5, 4]);
    const d = drawSeveralRuns(shrunk, createSeededRandom(1), null);
    expect([...d.storedRunIds, d.currentRun].sort()).toEqual(RUNS);
    expect(d.baseline.runs).toHaveLength(4);
    expect(d.baseline.arms.xsched!.trialRuns).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    const row = severalRunsRow(shrunk, 'quick (time-sliced)');
    expect(row.trials).toBe('3 / 4 runs (of 5) x 3');
    expect(row.note).toContain("K' = R - 1 = 4");
    expect(row.note).toContain('Note: quick (time-sliced) has only 5 distinct pairings of a new run and 4 stored runs');
    expect(row.summary).toBe('quick (time-sliced): R = 5, K = 4 (it lists 5), 5 distinct pairings');
    // R = 5, K = 3: 5 x C(4, 3) = 20 pairings, still few enough to say so.
    expect(severalRunsRow(model, 'quick (time-sliced)')).toMatchObject({ trials: '3 / 3 runs x 3', summary: 'quick (time-sliced): R = 5, K = 3, 20 distinct pairings' });
  });

  it('counts the distinct pairings as R x C(R - 1, K)', () => {
    expect([distinctPairings(5, 4), distinctPairings(5, 3), distinctPairings(11, 10), distinctPairings(21, 11)]).toEqual([5, 20, 11, 21 * 167_960]);
  });
});

describe('recorded runs that name their machines', () => {
  // r0, r1 on GPU-a; r2, r3 on GPU-b; r4 on GPU-c.
  const onMachines: RecordedRunsFile = { ...recorded, machines: { r0: 'GPU-a', r1: 'GPU-a', r2: 'GPU-b', r3: 'GPU-b', r4: 'GPU-c' } };
  const model = severalRunsModel(input(baselineOf(3)), onMachines)!;

  it('draws the stored runs from other machines than the new run\'s, each with its real machine', () => {
    expect(model.machineOf).toEqual(onMachines.machines);
    const random = createSeededRandom(11);
    for (let i = 0; i < 50; i++) {
      const d = drawSeveralRuns(model, random, null);
      const machine = onMachines.machines![d.currentRun];
      expect(d.storedRunIds.map((id) => onMachines.machines![id])).not.toContain(machine);
      // At most K = 3, and no more than the runs on other machines (3 for r0..r3, 4 for r4).
      expect(d.storedRunIds).toHaveLength(3);
      expect(d.baseline.runs!.map((r) => r.machine)).toEqual(d.storedRunIds.map((id) => onMachines.machines![id]));
    }
  });

  it('counts the pairings per new run: C(3, 3) for each of r0..r3, C(4, 3) for r4', () => {
    expect(modelPairings(model)).toBe(4 * 1 + 4);
    expect(severalRunsRow(model, 'quick (time-sliced)').summary).toBe('quick (time-sliced): R = 5 on 3 machines, K = 3 from other machines, 8 distinct pairings');
  });

  it('falls back to any other run when a run names no machine', () => {
    const partly = severalRunsModel(input(baselineOf(3)), { ...recorded, machines: { r0: 'GPU-a' } })!;
    expect(partly.machineOf).toBeNull();
    expect(modelPairings(partly)).toBe(distinctPairings(5, 3));
    expect(severalRunsSimulator(partly).simulate(createSeededRandom(3), null).newRunMachine).toBeNull();
  });

  it('says which machine each simulated new run came from (for the A/A breakdown, aa-by-machine.ts)', () => {
    // The same seed draws the same new run, whether drawn alone or by the simulator.
    for (const seed of [1, 2, 3, 4, 5]) {
      const drawn = drawSeveralRuns(model, createSeededRandom(seed), null).currentRun;
      expect(severalRunsSimulator(model).simulate(createSeededRandom(seed), null).newRunMachine).toBe(onMachines.machines![drawn]);
    }
  });
});

describe('a runner judged against its own runs (ownMachineModel)', () => {
  // r0..r3 on GPU-a (4 runs: one new, 3 stored), r4 on GPU-b (too few for a baseline of its own).
  const onMachines: RecordedRunsFile = { ...recorded, machines: { r0: 'GPU-a', r1: 'GPU-a', r2: 'GPU-a', r3: 'GPU-a', r4: 'GPU-b' } };
  const base = severalRunsModel(input(baselineOf(5)), onMachines)!;

  it('finds the machines with 4 or more runs', () => {
    expect(machinesWithOwnBaseline(base.runIds, base.machineOf!)).toEqual(['GPU-a']);
  });

  it('draws the new run on that machine and stores all its other runs, with their machine', () => {
    const model = ownMachineModel(base, ['GPU-a'], false);
    const random = createSeededRandom(4);
    for (let i = 0; i < 30; i++) {
      const d = drawSeveralRuns(model, random, null);
      expect(['r0', 'r1', 'r2', 'r3']).toContain(d.currentRun);
      expect([...d.storedRunIds, d.currentRun].sort()).toEqual(['r0', 'r1', 'r2', 'r3']);
      expect(d.baseline.runs!.map((r) => r.machine)).toEqual(['GPU-a', 'GPU-a', 'GPU-a']);
      // The committed start times (hours apart) stay: one machine within a day keeps the recorded floor.
      expect(d.baseline.runs!.map((r) => r.startedAt)).toEqual(base.stored.runs!.slice(0, 3).map((r) => r.startedAt));
      expect(betweenRunNoise(d.baseline, 'xsched', 'hpP99').source).toContain('but not below');
    }
    expect(modelPairings(model)).toBe(4);
  });

  it('with spanDays the stored runs are a day apart, and the verdict estimates from them alone', () => {
    const d = drawSeveralRuns(ownMachineModel(base, ['GPU-a'], true), createSeededRandom(4), null);
    expect(d.baseline.runs!.map((r) => r.startedAt)).toEqual(['2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z']);
    expect(betweenRunNoise(d.baseline, 'xsched', 'hpP99').source).toBe("estimated from the baseline's 3 runs on 1 machine over 2.0 days");
  });

  it('gives a row for the machines together and one with the runs a day apart; per machine only when there are several', () => {
    const rows = ownMachineRows(base, 'quick (time-sliced)');
    expect(rows.map((r) => r.label)).toEqual(['quick (time-sliced), own machine', 'quick (time-sliced), own machine, runs a day apart (assumed)']);
    expect(rows[0]!.trials).toBe('3 / 3 own runs x 3');
    expect(rows[0]!.summary).toBe('quick (time-sliced), own machine: GPU-a (4 runs); each run against the other runs of its machine; 4 distinct pairings; start times as committed (hours apart: the recorded floor holds)');
    expect(ownMachineRows(severalRunsModel(input(baselineOf(5)), recorded)!, 'x')).toEqual([]);
  });
});

describe('severalRunsSimulator', () => {
  it('judges all four verdicts with the suite: a doubled xsched hp P99 fails, the rest pass', () => {
    const simulator = severalRunsSimulator(severalRunsModel(input(baselineOf(3)), recorded)!);
    expect(simulator.keys).toEqual(KEYS);
    const { statuses } = simulator.simulate(createSeededRandom(2), { arm: 'xsched', metric: 'hp-p99', factor: 2 });
    expect(Object.fromEntries(statuses)).toEqual({ 'baseline.hp-p99': 'pass', 'baseline.lp-throughput': 'pass', 'xsched.hp-p99': 'fail', 'xsched.lp-throughput': 'pass' });
  });
});

describe('runs of one machine', () => {
  const oneMachine: RecordedRunsFile = { ...recorded, machines: Object.fromEntries(RUNS.map((id) => [id, 'GPU-only'])) };
  const input = { stored: baselineOf(3), trials: 3, thresholds: getCatalogueEntry('quick').thresholds.bySharing['time-sliced'], confidence: 0.95 };

  it('cannot be simulated across machines, and a draw refuses instead of judging against nothing', () => {
    const model = severalRunsModel(input, oneMachine)!;
    expect(acrossMachinesSimulable(model)).toBe(false);
    expect(() => drawSeveralRuns(model, createSeededRandom(1), null)).toThrow(/no recorded run to store against new run r\d \(other-machines\)/);
    expect(acrossMachinesSimulable(severalRunsModel(input, recorded)!)).toBe(true); // no machine names: any other run
  });

  it('still gives a runner\'s own-machine row', () => {
    const model = severalRunsModel(input, oneMachine)!;
    const rows = ownMachineRows(model, 'quick (time-sliced)');
    expect(rows.map((r) => r.label)).toEqual(['quick (time-sliced), own machine', 'quick (time-sliced), own machine, runs a day apart (assumed)']);
    expect(rows[0]!.summary).toContain('GPU-only (5 runs)');
  });
});
