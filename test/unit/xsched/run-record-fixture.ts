// Hand-built run records for the validity-check tests: small, typed, and every field
// a check reads is set explicitly by the test that cares about it.

import type { ArmName, Role, Scenario, SharingMode } from '../../../perf/lib/documents/types/scenario.ts';
import type { WorkerFingerprint } from '../../../perf/lib/documents/types/fingerprint.ts';
import type { ArmTrialRecord, RunRecord, WorkerOutcome, XschedEvidence } from '../../../perf/lib/documents/types/run-record.ts';

export const PIDS: Record<Role, number> = { hp: 4242, lp: 4343 };

export function fingerprint(role: Role, overrides: Partial<WorkerFingerprint> = {}): WorkerFingerprint {
  return {
    schemaVersion: 1,
    workerVersion: '0.1.0',
    pid: PIDS[role],
    hostname: 'gpu-host',
    role,
    platform: 'cuda',
    gpu: { index: 0, name: 'NVIDIA H200', arch: 'sm_90', uuid: 'GPU-1', pciBusId: '0000:19:00.0', memoryTotalBytes: 1, multiprocessorCount: 132 },
    runtimeVersion: '13.0',
    driverVersion: '13.0',
    xschedLibraries: [],
    mps: { client: false, source: 'cudaDevAttrMpsEnabled', pipeDirectory: null },
    stream: { priority: 'default', value: 0, leastPriority: 0, greatestPriority: -5 },
    clock: 'CLOCK_MONOTONIC',
    ...overrides,
  };
}

export function okWorker(role: Role, print: WorkerFingerprint = fingerprint(role)): WorkerOutcome {
  return {
    ok: true,
    role,
    logPath: `/logs/${role}.log`,
    readyAtNs: '1',
    result: {
      schema: 'xsched-perf.worker-result',
      schemaVersion: 1,
      options: { role, model: role === 'hp' ? 'resnet18' : 'resnet50', batch: 1, imageSize: 224, gpuIndex: 0, seed: 1, durationMs: 1000, streamPriority: 'default', warmupIterations: 1, injectDelayUs: 0 },
      fingerprint: print,
      startNs: '0',
      endNs: '1000000000',
      partial: false,
      partialReason: null,
      warmup: { iterations: 1, meanMs: 1 },
    },
  };
}

export function failedWorker(role: Role): WorkerOutcome {
  return { ok: false, role, logPath: `/logs/${role}.log`, failure: { kind: 'crash', message: 'exit 7', exitCode: 7, signal: null, lastLogLines: [] } };
}

/** Evidence as a fully working xsched arm leaves it. */
export function goodEvidence(): XschedEvidence {
  return {
    root: '/opt/xsched',
    policy: 'HPF',
    port: 50123,
    serverLogPath: '/logs/xsched/xserver.log',
    xqueues: {
      processes: [{ pid: PIDS.hp, cmdline: 'w' }, { pid: PIDS.lp, cmdline: 'w' }],
      xqueues: [{ handle: '0x1000', pid: PIDS.hp }, { handle: '0x2000', pid: PIDS.lp }],
    },
    connectedPids: [PIDS.hp, PIDS.lp],
    queueCreatedPids: [PIDS.hp, PIDS.lp],
    prioritiesSet: [
      { queue: '0x1000', priority: 1, pid: PIDS.hp },
      { queue: '0x2000', priority: 0, pid: PIDS.lp },
    ],
    globalSchedulerSeen: { hp: true, lp: true },
    env: { hp: { XSCHED_AUTO_XQUEUE_PRIORITY: '1' }, lp: { XSCHED_AUTO_XQUEUE_PRIORITY: '0' } },
    workerPids: { ...PIDS },
    schedulerKinds: { hp: ['global'], lp: ['global'] },
    xqueuesError: null,
    serverProblems: [],
  };
}

export function shimmed(role: Role): WorkerOutcome {
  return okWorker(role, fingerprint(role, { xschedLibraries: ['/opt/xsched/lib/libshimcuda.so', '/opt/xsched/lib/libpreempt.so'] }));
}

export function trial(arm: ArmName, fields: Partial<ArmTrialRecord> = {}): ArmTrialRecord {
  return { arm, trial: 0, startedAt: '2025-01-01T00:00:00Z', startNs: '0', endNs: '1', workers: [], skipped: null, xsched: null, sharing: null, ...fields };
}

export function record(trials: ArmTrialRecord[], sharing: SharingMode = 'time-sliced'): RunRecord {
  const scenario: Scenario = {
    name: 'intensive',
    description: 'test',
    hp: { model: 'resnet18', batch: 1, imageSize: 224, rateHz: 20, arrival: 'uniform' },
    lp: { model: 'resnet50', batch: 1024, imageSize: 224 },
    durationMs: 1000,
    trials: 1,
    gpuIndex: 0,
    seed: 1,
    sharing,
    arms: ['baseline', 'xsched'],
    thresholds: { hpAchievedRateMinFraction: 0.95, hpP99ImprovementMinFraction: 0.2, lpThroughputLossMaxFraction: 0.1, regressionP99Tolerance: 0.1, regressionLpTolerance: 0.1 },
    confidence: 0.95,
  };
  return {
    schema: 'xsched-perf.run',
    schemaVersion: 1,
    runId: 'r1',
    createdAt: '2025-01-01T00:00:00Z',
    suiteVersion: '0.1.0',
    scenario,
    host: { hostname: 'gpu-host', os: 'linux', node: '20', cpus: 16 },
    workerPath: '/w',
    trials,
    notes: [],
  };
}
