import { describe, expect, it } from 'vitest';
import { parseRunRecord } from '../../../perf/lib/store/results/parse-run-record.ts';
import { buildSyntheticRun, healthyRunSpec } from '../evaluate/fixtures/synthetic-run.ts';
import { runWithEnvironment } from './environment-run.ts';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('run.json with and without environment', () => {
  it('an old run.json without environment stays readable', () => {
    const record = parseRunRecord('run.json', roundTrip(buildSyntheticRun(healthyRunSpec())));
    expect(record.trials.every((t) => t.environment === undefined)).toBe(true);
  });

  it('a recorded environment is read back as saved', () => {
    const saved = roundTrip(runWithEnvironment({ baseline: { apps: 'compute-apps-foreign.nvidia-smi.csv' } }));
    const record = parseRunRecord('run.json', saved);
    expect(record.trials[0]!.environment!.gpuProcesses[0]!.phase).toBe('before');
  });

  it('a malformed environment names the file and field', () => {
    const saved = roundTrip(runWithEnvironment()) as { trials: Array<{ environment: { gpuState: Array<{ gpus: Array<{ smClockMHz: unknown }> }> } }> };
    saved.trials[1]!.environment.gpuState[0]!.gpus[0]!.smClockMHz = '1980 MHz';
    expect(() => parseRunRecord('run.json', saved)).toThrow(/trials\[1\]\.environment\.gpuState\[0\]\.gpus\[0\]\.smClockMHz.*must be number, got "1980 MHz"/);
  });
});
