import { describe, expect, it } from 'vitest';
import type { ValidityCheck } from '../../../perf/lib/documents/types/evaluation.ts';
import type { XschedEvidence } from '../../../perf/lib/documents/types/run-record.ts';
import { xschedChecks } from '../../../perf/lib/evaluate/validity/xsched-checks.ts';
import { failedWorker, fingerprint, goodEvidence, okWorker, PIDS, record, shimmed, trial } from './run-record-fixture.ts';

function xschedRun(evidence: XschedEvidence | null, workers = [shimmed('hp'), shimmed('lp')]) {
  return xschedChecks(record([trial('xsched', { workers, xsched: evidence })]));
}

function byId(checks: ValidityCheck[], id: string): ValidityCheck {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} in ${checks.map((c) => c.id).join(', ')}`);
  return found;
}

describe('xschedChecks on the xsched arm', () => {
  it('passes all six proofs for both roles when everything was seen', () => {
    const checks = xschedRun(goodEvidence());
    expect(checks.map((c) => `${c.id}:${c.status}`)).toEqual([
      'xsched.shim-mapped.hp:pass',
      'xsched.registered.hp:pass',
      'xsched.queue-created.hp:pass',
      'xsched.queue-listed.hp:pass',
      'xsched.priority-set.hp:pass',
      'xsched.global-scheduler.hp:pass',
      'xsched.shim-mapped.lp:pass',
      'xsched.registered.lp:pass',
      'xsched.queue-created.lp:pass',
      'xsched.queue-listed.lp:pass',
      'xsched.priority-set.lp:pass',
      'xsched.global-scheduler.lp:pass',
    ]);
    expect(checks.every((c) => c.arm === 'xsched' && c.trial === 0)).toBe(true);
  });

  it('fails shim-mapped when a fingerprint lists no libshim*', () => {
    const check = byId(xschedRun(goodEvidence(), [okWorker('hp'), shimmed('lp')]), 'xsched.shim-mapped.hp');
    expect(check.status).toBe('fail');
    expect(check.message).toBe('worker hp (pid 4242) has no XSched shim in its /proc/self/maps (XSched libraries: (none))');
    expect(check.recommendation).toMatch(/LD_PRELOAD \(HIP\) or LD_LIBRARY_PATH/);
  });

  it('fails registered when the xserver log lacks the pid', () => {
    const check = byId(xschedRun({ ...goodEvidence(), connectedPids: [PIDS.hp] }), 'xsched.registered.lp');
    expect(check.status).toBe('fail');
    expect(check.message).toContain('no "client process 4343 connected" (connected: 4242)');
  });

  it('fails queue-created with the default-stream question', () => {
    const check = byId(xschedRun({ ...goodEvidence(), queueCreatedPids: [PIDS.lp] }), 'xsched.queue-created.hp');
    expect(check.status).toBe('fail');
    expect(check.message).toContain('worker hp (pid 4242) registered no XQueue');
    expect(check.recommendation).toMatch(/^is it launching on the default stream\?/);
  });

  it('fails queue-listed when /xqueues at half time lacks the pid, or was never taken', () => {
    const missing = byId(xschedRun({ ...goodEvidence(), xqueues: { processes: [], xqueues: [{ handle: '0x1', pid: PIDS.hp }] } }), 'xsched.queue-listed.lp');
    expect(missing.status).toBe('fail');
    expect(missing.measured.queues).toBe(0);
    const none = byId(xschedRun({ ...goodEvidence(), xqueues: null, xqueuesError: 'GET http://127.0.0.1:50123/xqueues failed: ECONNREFUSED' }), 'xsched.queue-listed.hp');
    expect(none.message).toBe('no GET /xqueues answer from the run: GET http://127.0.0.1:50123/xqueues failed: ECONNREFUSED');
  });

  it('fails priority-set when no line or a different priority was logged; skips a policy that logs none', () => {
    const none = byId(xschedRun({ ...goodEvidence(), prioritiesSet: [{ queue: '0x1000', priority: 1, pid: PIDS.hp }] }), 'xsched.priority-set.lp');
    expect(none.status).toBe('fail');
    expect(none.message).toBe('the xserver log has no "set priority" line for worker lp (pid 4343)\'s XQueues');
    const wrong = byId(xschedRun({ ...goodEvidence(), prioritiesSet: [{ queue: '0x1000', priority: 0, pid: PIDS.hp }] }), 'xsched.priority-set.hp');
    expect(wrong.message).toBe('XQueue 0x1000 of worker hp (pid 4242) got priority 0, expected 1');
    expect(byId(xschedRun({ ...goodEvidence(), policy: 'UP' }), 'xsched.priority-set.hp').status).toBe('skip');
  });

  it('fails global-scheduler with the reason the worker log gives', () => {
    const appManaged = byId(xschedRun({ ...goodEvidence(), globalSchedulerSeen: { hp: true, lp: false }, schedulerKinds: { hp: ['global'], lp: ['app-managed'] } }), 'xsched.global-scheduler.lp');
    expect(appManaged.message).toBe('worker lp (pid 4343) stderr says "using app-managed scheduler", which schedules nothing (log /logs/lp.log)');
    expect(appManaged.recommendation).toMatch(/XSCHED_SCHEDULER must be exactly GLB/);
    const local = byId(xschedRun({ ...goodEvidence(), globalSchedulerSeen: { hp: false, lp: true }, schedulerKinds: { hp: ['local'], lp: ['global'] } }), 'xsched.global-scheduler.hp');
    expect(local.recommendation).toMatch(/XSCHED_POLICY reached the worker/);
    const silent = byId(xschedRun({ ...goodEvidence(), globalSchedulerSeen: { hp: false, lp: true }, schedulerKinds: { hp: [], lp: ['global'] } }), 'xsched.global-scheduler.hp');
    expect(silent.message).toBe('worker hp (pid 4242) stderr has no XSched scheduler line (log /logs/hp.log)');
  });

  it('skips the shim check of a failed worker but still checks what the xserver saw of it', () => {
    const checks = xschedRun(goodEvidence(), [shimmed('hp'), failedWorker('lp')]);
    expect(byId(checks, 'xsched.shim-mapped.lp').status).toBe('skip');
    expect(byId(checks, 'xsched.registered.lp').status).toBe('pass'); // pid from the arm's workerPids
  });

  it('fails once when the xsched arm has no evidence, skips once when the arm was skipped', () => {
    expect(xschedRun(null).map((c) => `${c.id}:${c.status}`)).toEqual(['xsched.active:fail']);
    const skipped = xschedChecks(record([trial('xsched', { skipped: 'XSCHED_ROOT is not set' })]));
    expect(skipped).toMatchObject([{ id: 'xsched.active', status: 'skip', message: 'arm skipped: XSCHED_ROOT is not set' }]);
  });
});

describe('xschedChecks on the other arms', () => {
  it('passes a native arm without XSched libraries or evidence', () => {
    expect(xschedChecks(record([trial('baseline', { workers: [okWorker('hp'), okWorker('lp')] })]))).toMatchObject([{ id: 'xsched.absent', arm: 'baseline', status: 'pass' }]);
  });

  it('fails a native arm whose worker mapped an XSched library, naming it', () => {
    const [check] = xschedChecks(record([trial('baseline', { workers: [okWorker('hp'), shimmed('lp')] })]));
    expect(check?.status).toBe('fail');
    expect(check?.message).toBe('XSched libraries mapped in lp (pid 4343): /opt/xsched/lib/libshimcuda.so, /opt/xsched/lib/libpreempt.so, /opt/xsched/lib/libhalcuda.so: this arm is not native');
  });

  it('fails a native arm that recorded XSched evidence', () => {
    const [check] = xschedChecks(record([trial('hp-alone', { workers: [okWorker('hp')], xsched: goodEvidence() })]));
    expect(check?.status).toBe('fail');
  });

  it('skips when no worker left a fingerprint, and ignores skipped arms', () => {
    expect(xschedChecks(record([trial('lp-alone', { workers: [failedWorker('lp')] })]))[0]?.status).toBe('skip');
    expect(xschedChecks(record([trial('stream-priority', { skipped: 'not asked' })]))).toEqual([]);
  });

  it('uses the fingerprint pid when the arm recorded none', () => {
    const evidence = { ...goodEvidence(), workerPids: {} };
    const checks = xschedRun(evidence, [okWorker('hp', fingerprint('hp', { xschedLibraries: ['/x/libshimhip.so'] })), shimmed('lp')]);
    expect(byId(checks, 'xsched.registered.hp').status).toBe('pass');
  });
});
