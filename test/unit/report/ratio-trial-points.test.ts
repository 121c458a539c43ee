// The per-trial points of the ratio chart's now / stored baseline rows, on a tiny run whose
// numbers can be checked by hand: every request of an arm-trial takes the same time, so a
// trial's P99 is that time, and lp iterations run back to back at a fixed length.

import { describe, expect, it } from 'vitest';
import type { ArmName, BaselineFile, RunRecord } from '../../../perf/lib/documents/types/index.ts';
import { evaluateRun } from '../../../perf/lib/evaluate/index.ts';
import { loadPlotRenderers } from '../../../perf/lib/output/report/plot-scripts.ts';
import { buildRatioPlotData } from '../../../perf/lib/output/report/ratio-data.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/index.ts';
import { makeArmTrial, makeRunRecord, makeScenario, makeWorkerResult, okOutcome } from '../../fixtures/run-record/index.ts';
import { simulateBackToBackLp, simulateOpenLoopHp } from '../evaluate/fixtures/simulated-workers.ts';

/** Per arm, per trial: hp latency (ms, every request alike) and lp iteration length (ms). */
const ARMS: Partial<Record<ArmName, { hpMs?: number[]; lpIterationMs?: number[] }>> = {
  'hp-alone': { hpMs: [2, 2, 2] },
  'lp-alone': { lpIterationMs: [100, 100, 100] },
  // Trial P99s 10, 12, 15 ms; lp 1000/100, 1000/125, 1000/200 = 10, 8, 5 iter/s.
  baseline: { hpMs: [10, 12, 15], lpIterationMs: [100, 125, 200] },
  xsched: { hpMs: [4, 5, 6.25], lpIterationMs: [100, 125, 200] },
};

function tinyRun(): RunRecord {
  // 10 requests a trial at 10 Hz over 1 s, none queued (each ends before the next is due).
  const scenario = makeScenario({ trials: 3, durationMs: 1000 });
  const trials = [0, 1, 2].flatMap((trial) =>
    scenario.arms.map((arm) => {
      const spec = ARMS[arm]!;
      const hpMs = spec.hpMs?.[trial];
      const lpMs = spec.lpIterationMs?.[trial];
      const workers = [
        ...(hpMs === undefined ? [] : [okOutcome(makeWorkerResult({ scenario, arm, role: 'hp', requests: simulateOpenLoopHp({ rateHz: 10, durationMs: 1000, serviceNs: () => hpMs * 1e6 }) }))]),
        ...(lpMs === undefined ? [] : [okOutcome(makeWorkerResult({ scenario, arm, role: 'lp', iterations: simulateBackToBackLp(1000, () => lpMs * 1e6) }))]),
      ];
      return makeArmTrial(scenario, arm, trial, workers);
    }),
  );
  return makeRunRecord(scenario, trials);
}

/** The run and a stored baseline made from it, with the baseline arm's stored trials replaced by hand-picked ones. */
function judged(): { record: RunRecord; stored: BaselineFile } {
  const record = tinyRun();
  const stored = baselineFromRun(record, evaluateRun(record, null));
  stored.arms.baseline!.hpP99Ms = [8, 10, 12.5]; // geometric mean 10 ms
  stored.arms.baseline!.lpIterPerSec = [4, 8, 16]; // geometric mean 8 iter/s
  return { record, stored };
}

const rowOf = (data: ReturnType<typeof buildRatioPlotData>, id: string) => data!.rows.find((r) => r.verdictId === id)!;

describe('ratio chart: each trial of this run against the stored baseline', () => {
  const { record, stored } = judged();
  const evaluation = evaluateRun(record, stored);
  const data = buildRatioPlotData(evaluation, stored);

  it('divides each trial by the stored geometric mean, so the verdict\'s ratio is the points\' geometric mean', () => {
    const hp = rowOf(data, 'regression.baseline.hp-p99');
    expect(hp.trials!.storedCentral).toBeCloseTo(10, 12);
    expect(hp.trials!.points.map((p) => [p.trial, p.value])).toEqual([[0, 10], [1, 12], [2, 15]]);
    expect(hp.trials!.points.map((p) => p.ratio)).toEqual([1, 1.2, 1.5].map((r) => expect.closeTo(r, 12)));
    expect(hp.ratio).toBeCloseTo(Math.cbrt(1 * 1.2 * 1.5), 12); // 1.2164
    expect(hp.trials!.label).toBe("this run's trial P99 / stored baseline's geometric mean of 3 trial(s), 10 ms");

    const lp = rowOf(data, 'regression.baseline.lp-throughput');
    expect(lp.trials!.storedCentral).toBeCloseTo(8, 12);
    expect(lp.trials!.points.map((p) => p.ratio)).toEqual([10 / 8, 8 / 8, 5 / 8].map((r) => expect.closeTo(r, 9)));
    expect(lp.ratio).toBeCloseTo(Math.cbrt(400) / 8, 9); // 0.9210

    // The xsched arm's stored trials are this run's own: 4, 5, 6.25 ms over their geometric mean 5 ms.
    const xsched = rowOf(data, 'regression.xsched.hp-p99');
    expect(xsched.trials!.points.map((p) => p.ratio)).toEqual([0.8, 1, 1.25].map((r) => expect.closeTo(r, 12)));
    expect(xsched.ratio).toBeCloseTo(1, 12);
  });

  it('has no points on the arm-comparison rows, and none against a baseline other than the one judged', () => {
    expect(rowOf(data, 'hp-p99-improvement').trials).toBeNull();
    expect(rowOf(data, 'lp-throughput-loss').trials).toBeNull();
    const other = structuredClone(stored);
    other.arms.baseline!.hpP99Ms = [9, 10, 12.5];
    expect(rowOf(buildRatioPlotData(evaluation, other), 'regression.baseline.hp-p99').trials).toBeNull();
    expect(rowOf(buildRatioPlotData(evaluation, other), 'regression.baseline.lp-throughput').trials).not.toBeNull();
    expect(rowOf(buildRatioPlotData(evaluation, null), 'regression.baseline.hp-p99').trials).toBeNull();
  });

  it('has no points on an hp P99 row judged on the runs\' floors (evaluate/verdicts/trial-floor.ts)', () => {
    const floored = structuredClone(evaluation);
    const verdict = floored.verdicts.find((v) => v.id === 'regression.baseline.hp-p99')!;
    verdict.measured.floorOfTrials = 3;
    expect(rowOf(buildRatioPlotData(floored, stored), 'regression.baseline.hp-p99').trials).toBeNull();
    expect(rowOf(buildRatioPlotData(floored, stored), 'regression.baseline.lp-throughput').trials).not.toBeNull();
  });

  it('draws the rings in a strip under each row\'s whisker, at their ratios, with a legend and tooltips', () => {
    const { svg, points } = loadPlotRenderers().renderRatio(data!);
    expect(points).toBe(data!.rows.length + 12);
    const rings = [...svg.matchAll(/<circle data-point data-trial-point="(\d+)" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"[^>]*><title>([^<]*)<\/title>/g)]
      .map(([, row, cx, cy, r, title]) => ({ row: Number(row), cx: Number(cx), cy: Number(cy), r: Number(r), title }));
    expect(rings).toHaveLength(12);
    const dots = [...svg.matchAll(/<circle data-point cx="([\d.]+)" cy="([\d.]+)" r="5"/g)].map(([, cx, cy]) => ({ cx: Number(cx), cy: Number(cy) }));
    const hpRow = data!.rows.findIndex((r) => r.verdictId === 'regression.baseline.hp-p99');
    const hpRings = rings.filter((g) => g.row === hpRow);
    // Ratios 1, 1.2, 1.5 left to right, 1.2 spaced from 1 and 1.5 as log(1.2) and log(1.25).
    expect(hpRings[0]!.cx).toBeLessThan(hpRings[1]!.cx);
    expect((hpRings[2]!.cx - hpRings[1]!.cx) / (hpRings[1]!.cx - hpRings[0]!.cx)).toBeCloseTo(Math.log(1.25) / Math.log(1.2), 2);
    // The whisker's end ticks reach 5 px below the dot: every ring lies wholly below them.
    for (const g of rings) expect(g.cy - g.r).toBeGreaterThan(dots[g.row]!.cy + 5);
    expect(hpRings[1]!.title).toBe('regression.baseline.hp-p99, trial 2: 12 ms / 10 ms (stored geometric mean) = 1.200 (+20.0%)');
    expect(svg).toContain('one trial of this run / the stored baseline&#39;s geometric mean of its trials; the dot is their geometric mean');
    const armRowsOnly = { ...data!, rows: data!.rows.filter((r) => r.trials === null) };
    expect(loadPlotRenderers().renderRatio(armRowsOnly).svg).not.toContain('data-trial-point');
  });
});
