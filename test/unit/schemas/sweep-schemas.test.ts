// sweep.json and sweep-evaluation.json (docs/sweeps.md) as the suite writes them match their
// published schemas, and a saved sweep.json that does not is refused before it is resumed.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsAgainstSchema } from '../../../scripts/schemas/check-against-schema.ts';
import { judgeBudgets } from '../../../perf/lib/evaluate/sweeps/budget-verdicts.ts';
import { computeFrontier } from '../../../perf/lib/evaluate/sweeps/frontier.ts';
import { decideSweepStatus } from '../../../perf/lib/evaluate/sweeps/sweep-status.ts';
import { expandGrid, FIXED_UNITS } from '../../../perf/lib/plan/sweeps/expand.ts';
import { openSweepDirectory, SWEEP_PLAN_FILE, type SweepKey } from '../../../perf/lib/store/results/sweep-directory.ts';
import { writeSweepOutputs } from '../../../perf/lib/suite/sweep/write-sweep-outputs.ts';
import { makeScenario } from '../../fixtures/run-record/index.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';
import { point } from '../sweeps/sweep-points.ts';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const scenario = makeScenario({ name: 'sweep-schema-fixture' });
const key: SweepKey = {
  scenario: scenario.name, durationMs: scenario.durationMs, trials: scenario.trials, seed: scenario.seed, sharing: scenario.sharing,
  hp: scenario.hp, lp: scenario.lp, adaptive: false,
  units: [...FIXED_UNITS, ...expandGrid({ xschedLpThreshold: [1, 4], xschedLpBatch: [], xschedLevel: [], xschedPolicy: [], mpsLpPercent: [70], cuMaskLpPercent: [], streamPriority: true })],
};

describe('sweep documents against their published schemas', () => {
  it('sweep.json as openSweepDirectory writes it matches schemas/sweep-plan.schema.json and resumes', async () => {
    const dir = makeTempDir('sweep-schema-');
    expect(await openSweepDirectory(dir, key)).toBe('new');
    const file = join(dir, SWEEP_PLAN_FILE);
    expect(problemsAgainstSchema('schemas/sweep-plan.schema.json', [{ file, value: readJson(file) }])).toEqual([]);
    expect(await openSweepDirectory(dir, key)).toBe('resumed');
  });

  it('a saved sweep.json with a unit of the wrong shape is refused, naming the field', async () => {
    const dir = makeTempDir('sweep-schema-');
    await openSweepDirectory(dir, key);
    const file = join(dir, SWEEP_PLAN_FILE);
    const saved = readJson(file) as { key: { units: Array<Record<string, unknown>> } };
    saved.key.units[0]!.suiteEnv = 'PERF_XSCHED_THRESHOLD_LP=4';
    writeFileSync(file, JSON.stringify(saved));
    await expect(openSweepDirectory(dir, key)).rejects.toThrow(/key\.units\[0\]\.suiteEnv/);
  });

  it('sweep-evaluation.json as writeSweepOutputs writes it matches schemas/sweep-evaluation.schema.json', async () => {
    const dir = makeTempDir('sweep-schema-');
    const points = [
      point('xsched lp-threshold=1', 'xsched-lp-threshold', [7, 7.6, 8.2], [0.04, 0.047, 0.055]),
      point('xsched lp-threshold=8', 'xsched-lp-threshold', [30, 32, 34], [0.06, 0.07, 0.08]),
      { ...point('mps lp-percent=70', 'mps-lp-percent', [2, 2.1, 2.2], [0.1, 0.11, 0.12]), proof: { status: 'unproven' as const, reason: 'lp was no MPS client' } },
    ];
    const verdicts = judgeBudgets(points, [{ lpLossBudget: 0.1, maxRatio: 1.2 }]);
    const evaluation = { points, frontier: computeFrontier(points), verdicts, decision: decideSweepStatus(verdicts), hpAloneP99Ms: null, notRun: [] };
    const { evaluationPath } = await writeSweepOutputs(dir, 'schema fixture', evaluation, ['a note'], {});
    expect(problemsAgainstSchema('schemas/sweep-evaluation.schema.json', [{ file: evaluationPath, value: readJson(evaluationPath) }])).toEqual([]);
  });
});
