// Reference proof checks on hand-made arm-trials: the environ reader, and the stream-priority
// check (the mps-lpN check runs end to end in test/unit/arms/mps-reference-arm.test.ts).

import { describe, expect, it } from 'vitest';
import type { ArmTrialRecord, WorkerOutcome } from '../../../perf/lib/documents/types/run-record.ts';
import { streamPriorityVerdict } from '../../../perf/lib/evaluate/validity/reference-checks.ts';
import { readEnvironValue } from '../../../perf/lib/run/arms/mps-limit-session.ts';
import { makeFingerprint } from '../../fixtures/run-record/index.ts';

/** Only the fingerprint is read by the check: the rest of the result is left out. */
function worker(role: 'hp' | 'lp', value: number): WorkerOutcome {
  const stream = { priority: value < 0 ? 'high' : 'low', value, leastPriority: 0, greatestPriority: -5 } as const;
  return { ok: true, role, result: { fingerprint: makeFingerprint(role, { stream }) }, logPath: '', readyAtNs: '0' } as unknown as WorkerOutcome;
}

const trial = (workers: WorkerOutcome[]) => ({ arm: 'stream-priority', trial: 0, workers }) as unknown as ArmTrialRecord;

describe('reference checks', () => {
  it('reads one variable out of a NUL-separated environ, null when absent', () => {
    const environ = 'PATH=/usr/bin\0CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=70\0CUDA_MPS_ACTIVE_THREAD_PERCENTAGE_X=1\0';
    expect(readEnvironValue(environ, 'CUDA_MPS_ACTIVE_THREAD_PERCENTAGE')).toBe('70');
    expect(readEnvironValue('PATH=/usr/bin\0', 'CUDA_MPS_ACTIVE_THREAD_PERCENTAGE')).toBeNull();
  });

  it('stream-priority passes when hp\'s stream outranks lp\'s, and is unproven otherwise', () => {
    expect(streamPriorityVerdict(trial([worker('hp', -5), worker('lp', 0)]))).toMatchObject({ status: 'pass', measured: { hpPriority: -5, lpPriority: 0 } });
    const flat = streamPriorityVerdict(trial([worker('hp', 0), worker('lp', 0)]));
    expect(flat.status).toBe('warn');
    expect(flat.message).toBe("hp's stream priority 0 is not above lp's 0: the arm is unproven");
    expect(streamPriorityVerdict(trial([worker('hp', -5)])).status).toBe('warn');
  });
});
