// The fields the PyTorch workload, the reference arms and the baseline's provenance add
// (docs/protocol.md "Optional fields of other workloads", docs/arms.md, docs/baselines.md)
// are read by the suite's schemas and accepted by the published JSON Schema files alike,
// and a misspelt one is refused by both.

import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../perf/lib/documents/types/run-record.ts';
import { evaluateRun } from '../../../perf/lib/evaluate/evaluate-run.ts';
import { baselineFromRun } from '../../../perf/lib/store/baselines/from-run.ts';
import { parseBaselineFile } from '../../../perf/lib/store/baselines/parse-baseline.ts';
import { parseRunRecord } from '../../../perf/lib/store/results/parse-run-record.ts';
import { problemsAgainstSchema } from '../../../scripts/schemas/check-against-schema.ts';
import { makeCompleteRunRecord } from '../baselines/run-fixture.ts';

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const published = (name: string, value: unknown): string[] => problemsAgainstSchema(`schemas/${name}.schema.json`, [{ file: name, value: roundTrip(value) }]);

/** The complete fixture run, as the PyTorch workload with an mps-lp70 reference arm would record it. */
function pytorchRun(): RunRecord {
  const record = makeCompleteRunRecord();
  record.scenario.workload = 'pytorch';
  record.scenario.arms = [...record.scenario.arms, 'mps-lp70'];
  const [first] = record.trials;
  const lpWorkers = record.trials.find((t) => t.arm === 'baseline')!.workers;
  record.trials.push({
    ...structuredClone(first!), arm: 'mps-lp70', workers: structuredClone(lpWorkers),
    reference: { mechanism: 'mps-thread-percentage', requested: '70', pids: { hp: 100, lp: 101 }, received: { hp: null, lp: '70' }, readErrors: {} },
  });
  for (const trial of record.trials) {
    for (const worker of trial.workers) {
      if (!worker.ok) continue;
      worker.result.streamUse = { defaultStreamLaunches: false, detail: 'measured passes on the worker stream' };
      worker.result.fingerprint.framework = { name: 'pytorch', torchVersion: '2.5.1', torchvisionVersion: null, cudaVersion: '12.4', hipVersion: null, modelSource: 'local resnet' };
    }
  }
  return record;
}

describe('fields added by workloads, reference arms and baseline provenance', () => {
  it('a PyTorch run with a reference arm is read back and matches schemas/run-record.schema.json', () => {
    const record = roundTrip(pytorchRun());
    expect(parseRunRecord('run.json', record)).toBe(record);
    expect(published('run-record', record)).toEqual([]);
  });

  it('its baseline keeps the workload kind and the commit, and matches schemas/baseline.schema.json', () => {
    const record = pytorchRun();
    const baseline = { ...baselineFromRun(record, evaluateRun(record, null)), commit: '0123abc' };
    expect(baseline.workload?.kind).toBe('pytorch');
    expect(parseBaselineFile('baseline.json', roundTrip(baseline)).commit).toBe('0123abc');
    expect(published('baseline', baseline)).toEqual([]);
  });

  it('a misspelt field of the PyTorch result is refused by both', () => {
    const record = roundTrip(pytorchRun());
    const worker = record.trials[0]!.workers[0]!;
    if (!worker.ok) throw new Error('fixture: the first worker succeeded');
    (worker.result as unknown as Record<string, unknown>).streamUse = { defaultStreamLaunch: false, detail: 'typo' };
    expect(() => parseRunRecord('run.json', record)).toThrow(/streamUse/);
    expect(published('run-record', record).join('\n')).toMatch(/streamUse/);
  });
});
