// A framework process creates many XQueues (a PyTorch process under XSched's CUDA shim made
// about 143 on an H200, docs/workloads.md): every one of a worker's queues must get its priority, the
// count is recorded, and work launched on the default stream (which XSched does not schedule)
// fails the arm when the worker reports it (docs/workloads.md).

import { describe, expect, it } from 'vitest';
import type { ValidityCheck } from '../../../perf/lib/documents/types/evaluation.ts';
import type { WorkerOutcome, XschedEvidence } from '../../../perf/lib/documents/types/run-record.ts';
import type { StreamUse } from '../../../perf/lib/documents/types/worker-result.ts';
import { xschedChecks } from '../../../perf/lib/evaluate/validity/xsched-checks.ts';
import { goodEvidence, PIDS, record, shimmed, trial } from './run-record-fixture.ts';

const HP_PRIORITY = goodEvidence().prioritiesSet.find((p) => p.pid === PIDS.hp)?.priority as number;

/** Evidence where the hp worker created `count` XQueues and `withPriority` of them got hp's priority. */
function manyQueues(count: number, withPriority: number): XschedEvidence {
  const good = goodEvidence();
  const hpQueues = Array.from({ length: count }, (_, i) => `0x7f00b${String(i).padStart(5, '0')}`);
  return {
    ...good,
    queuesCreated: [...hpQueues.map((queue) => ({ queue, pid: PIDS.hp })), ...good.prioritiesSet.filter((p) => p.pid === PIDS.lp).map((p) => ({ queue: p.queue, pid: PIDS.lp }))],
    prioritiesSet: [...hpQueues.slice(0, withPriority).map((queue) => ({ queue, priority: HP_PRIORITY, pid: PIDS.hp })), ...good.prioritiesSet.filter((p) => p.pid === PIDS.lp)],
  };
}

function withStreamUse(outcome: WorkerOutcome, streamUse: StreamUse): WorkerOutcome {
  if (!outcome.ok) throw new Error('a failed outcome has no result');
  return { ...outcome, result: { ...outcome.result, streamUse } };
}

function byId(checks: ValidityCheck[], id: string): ValidityCheck {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
}

const run = (evidence: XschedEvidence, workers = [shimmed('hp'), shimmed('lp')]) => xschedChecks(record([trial('xsched', { workers, xsched: evidence })]));

describe('XSched checks with many XQueues per process', () => {
  it('passes priority-set when all 143 queues of the worker got the priority, and records the count', () => {
    const checks = run(manyQueues(143, 143));
    const priority = byId(checks, 'xsched.priority-set.hp');
    expect(priority.status).toBe('pass');
    expect(priority.message).toBe(`all 143 XQueue(s) of pid ${PIDS.hp} set to priority ${HP_PRIORITY}`);
    expect(priority.measured).toMatchObject({ queues: 143, linesSeen: 143, unset: 0 });
    expect(byId(checks, 'xsched.queue-created.hp').message).toBe(`xserver log: 143 XQueue(s) from process ${PIDS.hp} created`);
  });

  it('fails priority-set when one queue of the worker never got a priority line, naming it', () => {
    const priority = byId(run(manyQueues(143, 142)), 'xsched.priority-set.hp');
    expect(priority.status).toBe('fail');
    expect(priority.message).toBe(`1 of 143 XQueue(s) of worker hp (pid ${PIDS.hp}) never got a "set priority" line (first: 0x7f00b00142)`);
    expect(priority.recommendation).toMatch(/^every XQueue of a worker must get XSCHED_AUTO_XQUEUE_PRIORITY/);
  });

  it('keeps judging records written before queue handles were kept, by their priority lines alone', () => {
    const old = goodEvidence();
    delete old.queuesCreated;
    const priority = byId(run(old), 'xsched.priority-set.hp');
    expect(priority.status).toBe('pass');
    expect(priority.message).toBe(`1 XQueue(s) of pid ${PIDS.hp} set to priority ${HP_PRIORITY}`);
    expect(priority.measured).not.toHaveProperty('queues');
  });
});

describe('the default-stream check', () => {
  it('is absent for a worker that does not report its streams (the native worker)', () => {
    expect(run(goodEvidence()).some((c) => c.id.startsWith('xsched.no-default-stream'))).toBe(false);
  });

  it('passes a worker whose measured passes all went to its own stream', () => {
    const hp = withStreamUse(shimmed('hp'), { defaultStreamLaunches: false, detail: '10 pass(es) issued with torch.cuda.current_stream() checked: its own stream (priority -1)' });
    const check = byId(run(goodEvidence(), [hp, shimmed('lp')]), 'xsched.no-default-stream.hp');
    expect(check.status).toBe('pass');
  });

  it('fails the arm when the worker launched on the default stream, which XSched does not schedule', () => {
    const lp = withStreamUse(shimmed('lp'), { defaultStreamLaunches: true, detail: '3 pass(es) issued with torch.cuda.current_stream() checked: the default stream' });
    const check = byId(run(goodEvidence(), [shimmed('hp'), lp]), 'xsched.no-default-stream.lp');
    expect(check.status).toBe('fail');
    expect(check.message).toBe('the lp worker launched measured work on the default stream, which XSched does not schedule (3 pass(es) issued with torch.cuda.current_stream() checked: the default stream)');
    expect(check.recommendation).toMatch(/torch\.cuda\.stream/);
  });
});
