// The recorded real run under examples/ (an NVIDIA H200, intensive-mps) replays to the
// very evaluation it was saved with, given the baselines that existed then (none), and
// against the stored baseline made from it the regression verdicts find no regression.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayRun } from '../../../perf/lib/results/replay-run.ts';

const example = resolve(import.meta.dirname, '../../../examples/h200-intensive-mps');
const storedBaselines = resolve(import.meta.dirname, '../../../baselines');

describe('replay of the recorded H200 run (examples/h200-intensive-mps)', () => {
  it('reproduces the saved evaluation exactly when given the baselines of the time (none)', async () => {
    const noBaselines = mkdtempSync(join(tmpdir(), 'xsched-perf-no-baselines-'));
    const replayed = await replayRun(example, noBaselines).finally(() => rmSync(noBaselines, { recursive: true, force: true }));
    expect(replayed.savedEvaluation).not.toBeNull();
    expect(replayed.evaluation).toEqual(replayed.savedEvaluation);
    // What it measured: MPS contention pushes hp P99 from under 1 ms alone to tens of ms.
    const p99 = (arm: string) => replayed.evaluation.arms.find((a) => a.arm === arm)?.merged.hp?.latencyMs.p99 ?? NaN;
    expect(p99('hp-alone')).toBeLessThan(1);
    expect(p99('baseline') / p99('hp-alone')).toBeGreaterThan(20);
    expect(replayed.evaluation.status).toBe('pass');
  });

  it('finds no regression against the stored baseline made from this run', async () => {
    const replayed = await replayRun(example, storedBaselines);
    expect(replayed.baseline?.runId).toBe(replayed.record.runId);
    const regression = replayed.evaluation.verdicts.filter((v) => v.id.startsWith('regression.baseline'));
    expect(regression.length).toBe(2);
    for (const verdict of regression) expect(['pass', 'inconclusive'], verdict.message).toContain(verdict.status);
  });
});
