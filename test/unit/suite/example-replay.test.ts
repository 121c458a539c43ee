// The recorded real run under examples/ (an NVIDIA H200, intensive-mps, with a real XSched
// in the xsched arm) replays to the evaluation saved with it when given no baselines (that
// file was re-created by replay when the evaluation gained "untested", schemaVersion 2), and
// against a baseline made from it by the path every baseline takes (updateBaseline) every
// regression verdict passes. The example ran intensive-mps in a 30 s window; the committed
// H200 baselines of that load are under intensive-30s-mps (docs/baselines.md).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateBaseline } from '../../../perf/lib/store/baselines/update-baseline.ts';
import { replayRun } from '../../../perf/lib/suite/replay-run.ts';

const example = resolve(import.meta.dirname, '../../../examples/h200-intensive-mps');

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
    // XSched cut it by more than half, and every proof that XSched was active held.
    expect(p99('xsched') / p99('baseline')).toBeLessThan(0.5);
    const proofs = replayed.evaluation.checks.filter((c) => c.id.startsWith('xsched.') && c.arm === 'xsched');
    expect(proofs.length).toBe(3 * 2 * 6); // trials x roles x proofs
    expect(proofs.filter((c) => c.status !== 'pass')).toEqual([]);
    // Without a stored baseline the regression verdict cannot be judged: untested, never a pass.
    expect(replayed.evaluation.status).toBe('untested');
    expect(replayed.evaluation.verdictOutcomes.map((o) => `${o.kind}:${o.status}`)).toEqual([
      'hp-achieved-rate:pass',
      'hp-p99-improvement:pass',
      'lp-throughput-loss:pass',
      'regression:untested',
    ]);
  });

  it('finds no regression against the baseline made from this run', async () => {
    const baselines = mkdtempSync(join(tmpdir(), 'xsched-perf-example-baseline-'));
    const first = await replayRun(example, baselines);
    await updateBaseline(baselines, first.record, first.evaluation);
    const replayed = await replayRun(example, baselines).finally(() => rmSync(baselines, { recursive: true, force: true }));
    expect(replayed.baseline?.runId).toBe(replayed.record.runId);
    // The XSched defaults the example ran with are stored, so a run with other settings is not judged against it.
    expect(replayed.baseline?.xschedSettings).toEqual({ policy: 'HPF', level: 1, hp: { priority: 1, threshold: 16, batchSize: 8 }, lp: { priority: 0, threshold: 4, batchSize: 2 } });
    const regression = replayed.evaluation.verdicts.filter((v) => v.id.startsWith('regression.'));
    expect(regression.map((v) => v.id).sort()).toEqual(['regression.baseline.hp-p99', 'regression.baseline.lp-throughput', 'regression.xsched.hp-p99', 'regression.xsched.lp-throughput']);
    for (const verdict of regression) expect(verdict.status, verdict.message).toBe('pass');
    // Judged against a comparable baseline: the outcome is decided by the numbers, not untested.
    expect(replayed.baselineProblem).toBeNull();
    expect(replayed.evaluation.status).toBe('pass');
  });
});
