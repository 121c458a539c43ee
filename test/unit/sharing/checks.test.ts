import { describe, expect, it } from 'vitest';
import { sharingChecks } from '../../../perf/lib/evaluate/validity/sharing-checks.ts';
import type { SharingEvidence } from '../../../perf/lib/documents/types/run-record.ts';
import { failedWorker, fingerprint, okWorker, record, trial } from '../xsched/run-record-fixture.ts';

const PIPE = '/logs/run/mps/pipe';
const mpsEvidence = (clientPids: number[]): SharingEvidence => ({
  requested: 'mps',
  details: { mode: 'mps', pipeDirectory: PIPE, logDirectory: '/logs/run/mps/log', controlPid: 10, daemonRunning: true, serverPids: [11], clientPids, problems: [] },
});
const mpsClient = (role: 'hp' | 'lp', pipeDirectory = PIPE) => okWorker(role, fingerprint(role, { mps: { client: true, source: 'cudaDevAttrMpsEnabled', pipeDirectory } }));
const timeSliced: SharingEvidence = { requested: 'time-sliced', details: { mode: 'time-sliced', mpsProcesses: [] } };

function statuses(checks: ReturnType<typeof sharingChecks>): string[] {
  return checks.map((c) => `${c.id}:${c.status}`);
}

describe('sharingChecks, mps requested', () => {
  it('passes when both workers are MPS clients of the suite daemon and in its logs', () => {
    const checks = sharingChecks(record([trial('baseline', { workers: [mpsClient('hp'), mpsClient('lp')], sharing: mpsEvidence([4242, 4343]) })], 'mps'));
    expect(statuses(checks)).toEqual(['sharing.mode.hp:pass', 'sharing.mps-client-logged.hp:pass', 'sharing.mode.lp:pass', 'sharing.mps-client-logged.lp:pass']);
  });

  it('is invalid when a worker is not an MPS client', () => {
    const checks = sharingChecks(record([trial('baseline', { workers: [okWorker('hp'), mpsClient('lp')], sharing: mpsEvidence([4343]) })], 'mps'));
    const [mode, logged] = checks;
    expect(mode).toMatchObject({ id: 'sharing.mode.hp', status: 'fail', message: "'mps' was asked for but worker hp (pid 4242) is not an MPS client (cudaDevAttrMpsEnabled)" });
    expect(logged).toMatchObject({ id: 'sharing.mps-client-logged.hp', status: 'fail', message: 'the MPS logs in /logs/run/mps/log name no client 4242 (clients: 4343)' });
  });

  it('is invalid when a worker used another daemon\'s pipe directory', () => {
    const [mode] = sharingChecks(record([trial('xsched', { workers: [mpsClient('hp', '/tmp/nvidia-mps')], sharing: mpsEvidence([4242]) })], 'mps'));
    expect(mode?.status).toBe('fail');
    expect(mode?.message).toContain("uses MPS pipe directory /tmp/nvidia-mps, not the suite's /logs/run/mps/pipe");
  });

  it('warns when the runtime cannot tell, leaving the log check to decide', () => {
    const unknown = okWorker('hp', fingerprint('hp', { mps: { client: null, source: 'attribute unavailable', pipeDirectory: null } }));
    expect(statuses(sharingChecks(record([trial('hp-alone', { workers: [unknown], sharing: mpsEvidence([4242]) })], 'mps')))).toEqual([
      'sharing.mode.hp:warn',
      'sharing.mps-client-logged.hp:pass',
    ]);
  });
});

describe('sharingChecks, time-sliced requested', () => {
  it('passes native workers with no MPS process around', () => {
    expect(statuses(sharingChecks(record([trial('baseline', { workers: [okWorker('hp'), okWorker('lp')], sharing: timeSliced })])))).toEqual([
      'sharing.no-mps-daemon:pass',
      'sharing.mode.hp:pass',
      'sharing.mode.lp:pass',
    ]);
  });

  it('is invalid when a worker was an MPS client after all', () => {
    const checks = sharingChecks(record([trial('baseline', { workers: [mpsClient('hp')], sharing: timeSliced })]));
    expect(checks[1]).toMatchObject({ id: 'sharing.mode.hp', status: 'fail', message: "'time-sliced' was asked for but worker hp (pid 4242) is an MPS client: the processes shared SMs at once instead" });
  });

  it('is invalid when an MPS daemon appeared during the arm', () => {
    const evidence: SharingEvidence = { requested: 'time-sliced', details: { mode: 'time-sliced', mpsProcesses: [{ pid: 9, cmdline: 'nvidia-cuda-mps-control -d' }] } };
    expect(sharingChecks(record([trial('baseline', { workers: [okWorker('hp')], sharing: evidence })]))[0]).toMatchObject({ id: 'sharing.no-mps-daemon', status: 'fail' });
  });

  it('fails an arm set up for another mode or with no evidence; skips failed workers and skipped arms', () => {
    const wrong = sharingChecks(record([trial('baseline', { workers: [okWorker('hp')], sharing: mpsEvidence([]) })]));
    expect(wrong[0]).toMatchObject({ id: 'sharing.recorded', status: 'fail', message: "the arm was set up for 'mps', the scenario asks for 'time-sliced'" });
    expect(statuses(sharingChecks(record([trial('baseline', { workers: [okWorker('hp')] })])))).toEqual(['sharing.recorded:fail']);
    expect(statuses(sharingChecks(record([trial('baseline', { workers: [failedWorker('hp')], sharing: timeSliced })])))).toEqual(['sharing.no-mps-daemon:pass', 'sharing.mode.hp:skip']);
    expect(sharingChecks(record([trial('xsched', { skipped: 'XSCHED_ROOT is not set' })]))).toEqual([]);
  });
});

describe('sharingChecks, platform-default requested', () => {
  it('accepts a worker that cannot tell (AMD) and rejects an MPS client', () => {
    const amd = okWorker('hp', fingerprint('hp', { platform: 'hip-amd', mps: { client: null, source: 'not available on hip-amd', pipeDirectory: null } }));
    const evidence: SharingEvidence = { requested: 'platform-default', details: { mode: 'platform-default' } };
    expect(statuses(sharingChecks(record([trial('baseline', { workers: [amd], sharing: evidence })], 'platform-default')))).toEqual(['sharing.mode.hp:pass']);
    expect(statuses(sharingChecks(record([trial('baseline', { workers: [mpsClient('hp')], sharing: evidence })], 'platform-default')))).toEqual(['sharing.mode.hp:fail']);
  });
});
