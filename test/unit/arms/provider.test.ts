// The provider end to end with the test doubles: fake xserver, fake MPS control, and
// "workers" played by the test (pids registered through the xserver double's side channel).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createArmSetupProvider } from '../../../perf/lib/run/arms/provider.ts';
import { isProcessAlive } from '../../../perf/lib/process/daemon/process-alive.ts';
import { sharingChecks } from '../../../perf/lib/evaluate/validity/sharing-checks.ts';
import type { WorkerOutcome } from '../../../perf/lib/documents/types/run-record.ts';
import type { Scenario } from '../../../perf/lib/documents/types/scenario.ts';
import { xschedChecks } from '../../../perf/lib/evaluate/validity/xsched-checks.ts';
import { makeFakeInstall, makeFakeMpsControl, removeFakeInstalls } from '../xsched/fake-install.ts';
import { fingerprint, okWorker, PIDS, record, shimmed, trial } from '../xsched/run-record-fixture.ts';

const fake = makeFakeInstall();
const emptyProc = join(fake.scratch, 'proc');
mkdirSync(emptyProc);
const lockPath = join(fake.scratch, 'xserver.lock');
afterAll(removeFakeInstalls);
const BASE_ENV = { PATH: process.env.PATH ?? '', LD_PRELOAD: '/usr/lib/libfoo.so', XSCHED_POLICY: 'HPF', CUDA_MPS_PIPE_DIRECTORY: '/tmp/nvidia-mps' };

function scenario(sharing: Scenario['sharing'] = 'time-sliced'): Scenario {
  return record([], sharing).scenario;
}

function provider(env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', XSCHED_ROOT: fake.root }, platform: 'cuda' | 'hip-amd' | null = 'cuda') {
  const warnings: string[] = [];
  // Short grace periods: which signal stopped the xserver is tested, not the production waits.
  const xserverStopGraceMs = { sigintMs: 300, sigtermMs: 300 };
  const made = createArmSetupProvider({ env, platform, xserverLockPath: lockPath, driverSearchDirs: [fake.driverDir], procRoot: emptyProc, warn: (m) => warnings.push(m), xserverStopGraceMs });
  return { provider: made, warnings };
}

function dir(name: string): string {
  const path = join(fake.scratch, name);
  mkdirSync(path, { recursive: true });
  return path;
}

async function registerWorker(port: number, pid: number, priority: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/__double/clients`, { method: 'POST', body: JSON.stringify({ pid, priority }) });
  expect(response.status).toBe(200);
}

function workerLog(name: string, text: string): string {
  const path = join(fake.scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('skipReason', () => {
  it('skips xsched without XSCHED_ROOT or without a known platform; never skips other arms', () => {
    const scn = scenario();
    expect(provider({}).provider.skipReason('xsched', scn)).toBe('XSCHED_ROOT is not set: the xsched arm needs an XSched install (docs/xsched.md)');
    expect(provider(undefined, null).provider.skipReason('xsched', scn)).toMatch(/^the GPU platform is unknown/);
    expect(provider().provider.skipReason('xsched', scn)).toBeNull();
    for (const arm of ['hp-alone', 'lp-alone', 'baseline', 'stream-priority'] as const) expect(provider({}).provider.skipReason(arm, scn)).toBeNull();
  });
});

describe('openScenario', () => {
  it('fails on a broken install before starting anything (no MPS daemon either)', async () => {
    const logDir = dir('broken');
    const env = { PATH: '', XSCHED_ROOT: join(fake.root, 'missing'), PERF_MPS_CONTROL: makeFakeMpsControl(fake.scratch) };
    await expect(provider(env).provider.openScenario(scenario('mps'), { logDir })).rejects.toThrow(`XSCHED_ROOT=${join(fake.root, 'missing')} does not exist`);
    expect(existsSync(join(logDir, 'mps'))).toBe(false);
  });

  it('fails on a bad setting, quoting it', async () => {
    const env = { XSCHED_ROOT: fake.root, PERF_XSCHED_THRESHOLD_LP: '0' };
    await expect(provider(env).provider.openScenario(scenario(), { logDir: dir('bad') })).rejects.toThrow('PERF_XSCHED_THRESHOLD_LP="0" is not an integer from 1');
  });

  it('refuses a bad xserver grace period when made, quoting it', () => {
    expect(() => createArmSetupProvider({ platform: 'cuda', xserverStopGraceMs: { sigintMs: 300, sigtermMs: -1 } })).toThrow('xserverStopGraceMs.sigtermMs must be an integer number of milliseconds from 0 to 600000, got -1');
  });
});

describe('the xsched arm through the provider', () => {
  it('starts an xserver, sets up both workers, gathers evidence that passes every check, and stops it', async () => {
    const { provider: made, warnings } = provider();
    const session = await made.openScenario(scenario(), { logDir: dir('run') });
    const arm = await session.openArm('xsched', { trial: 0, logDir: dir('run/xsched-0') });
    try {
      const hpEnv = arm.envFor('hp', BASE_ENV);
      expect(hpEnv).toMatchObject({ XSCHED_SCHEDULER: 'GLB', XSCHED_AUTO_XQUEUE_PRIORITY: '1', LD_LIBRARY_PATH: join(fake.root, 'lib') });
      expect(hpEnv.LD_PRELOAD).toBeUndefined();
      expect(hpEnv.XSCHED_POLICY).toBeUndefined();
      expect(hpEnv.CUDA_MPS_PIPE_DIRECTORY).toBeUndefined();
      arm.envFor('lp', BASE_ENV);

      const { port, xserverPid } = JSON.parse(readFileSync(lockPath, 'utf8')) as { port: number; xserverPid: number };
      expect(isProcessAlive(xserverPid)).toBe(true);
      // The environment sampler reads the xserver's threads with the workers'.
      expect(arm.helperProcesses?.()).toEqual([{ name: 'xserver', pid: xserverPid }]);
      await registerWorker(port, PIDS.hp, 1);
      await registerWorker(port, PIDS.lp, 0);
      await arm.afterReady({ ...PIDS });
      await arm.duringRun({ ...PIDS });
      const scheduler = '[XSCHED INFO @ T 1 @ 10:00:00.000000] using global scheduler\n';
      const outcomes: WorkerOutcome[] = [
        { ...shimmed('hp'), logPath: workerLog('hp.log', scheduler) } as WorkerOutcome,
        { ...shimmed('lp'), logPath: workerLog('lp.log', scheduler) } as WorkerOutcome,
      ];
      const evidence = await arm.finish(outcomes);
      expect(evidence.xsched).toMatchObject({ root: fake.root, policy: 'HPF', port, connectedPids: [PIDS.hp, PIDS.lp], env: { lp: { XSCHED_AUTO_XQUEUE_THRESHOLD: '4' } } });
      // One log per arm-trial, so a later trial never overwrites the log an earlier check names.
      expect(evidence.xsched?.serverLogPath).toBe(join(dir('run/xsched-0'), 'xsched-t0-xserver.log'));
      expect(evidence.sharing).toEqual({ requested: 'time-sliced', details: { mode: 'time-sliced', mpsProcesses: [] } });

      const run = record([trial('xsched', { workers: outcomes, xsched: evidence.xsched, sharing: evidence.sharing })]);
      expect(xschedChecks(run).filter((c) => c.status !== 'pass')).toEqual([]);
      await arm.close();
      expect(isProcessAlive(xserverPid)).toBe(false);
      expect(existsSync(lockPath)).toBe(false);
      expect(warnings).toEqual([]); // stopped by SIGINT: nothing to report
    } finally {
      await arm.close();
      await session.close();
    }
  });

  it('aborts before START when the xserver died, with its log, and says so again when the arm closes', async () => {
    const { provider: made, warnings } = provider();
    const session = await made.openScenario(scenario(), { logDir: dir('run2') });
    const arm = await session.openArm('xsched', { trial: 1, logDir: dir('run2/xsched-1') });
    try {
      const { xserverPid } = JSON.parse(readFileSync(lockPath, 'utf8')) as { xserverPid: number };
      process.kill(xserverPid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      await expect(arm.afterReady({ ...PIDS })).rejects.toThrow(/the xserver \(pid \d+\) exited before the run started[\s\S]*HTTP server listening/);
    } finally {
      await arm.close();
      await session.close();
    }
    expect(warnings).toEqual([expect.stringMatching(/^the xserver \(pid \d+, log .*xsched-t1-xserver\.log\) had already exited \(signal SIGKILL\)/)]);
  });

  it('warns when the xserver ignored SIGINT and had to be stopped harder', async () => {
    const { provider: made, warnings } = provider({ PATH: process.env.PATH ?? '', XSCHED_ROOT: fake.root, FAKE_XSERVER_IGNORE_SIGINT: '1', PERF_CHILD_ENV_ALLOW: 'FAKE_XSERVER_*' });
    const session = await made.openScenario(scenario(), { logDir: dir('run5') });
    const arm = await session.openArm('xsched', { trial: 0, logDir: dir('run5/xsched-0') });
    await arm.close();
    await session.close();
    expect(warnings).toEqual([expect.stringMatching(/did not stop on SIGINT within the grace period and needed SIGTERM/)]);
  }, 15_000);
});

describe('native arms and MPS through the provider', () => {
  it('gives a native arm a clean environment and no XSched evidence', async () => {
    const session = await provider().provider.openScenario(scenario(), { logDir: dir('run3') });
    const arm = await session.openArm('baseline', { trial: 0, logDir: dir('run3/baseline-0') });
    expect(arm.envFor('lp', { ...BASE_ENV, LD_LIBRARY_PATH: `${join(fake.root, 'lib')}:/usr/local/cuda/lib64` })).toEqual({ PATH: process.env.PATH ?? '', LD_LIBRARY_PATH: '/usr/local/cuda/lib64' });
    expect((await arm.finish([])).xsched).toBeNull();
    expect(arm.helperProcesses).toBeUndefined();
    await arm.close();
    await session.close();
  });

  it('runs the scenario under the suite\'s MPS daemon and stops it at the end', async () => {
    const logDir = dir('run4');
    const env = { PATH: process.env.PATH ?? '', PERF_MPS_CONTROL: makeFakeMpsControl(fake.scratch) };
    const { provider: made, warnings } = provider(env);
    const session = await made.openScenario(scenario('mps'), { logDir });
    const arm = await session.openArm('baseline', { trial: 0, logDir: dir('run4/baseline-0') });
    const workerEnv = arm.envFor('hp', BASE_ENV);
    expect(workerEnv.CUDA_MPS_PIPE_DIRECTORY).toBe(join(logDir, 'mps', 'pipe'));
    // The hp "worker" connects through the double's side channel, with the env it was given.
    const connected = spawnSync(env.PERF_MPS_CONTROL, [], { env: workerEnv, input: `__double_client ${PIDS.hp}\n`, encoding: 'utf8' });
    expect(connected.status).toBe(0);
    const hp = okWorker('hp', fingerprint('hp', { mps: { client: true, source: 'cudaDevAttrMpsEnabled', pipeDirectory: workerEnv.CUDA_MPS_PIPE_DIRECTORY as string } }));
    const { sharing } = await arm.finish([hp]);
    expect(sharing?.details).toMatchObject({ mode: 'mps', daemonRunning: true, clientPids: [PIDS.hp] });
    const checks = sharingChecks(record([trial('baseline', { workers: [hp], sharing })], 'mps'));
    expect(checks.map((c) => `${c.id}:${c.status}`)).toEqual(['sharing.mode.hp:pass', 'sharing.mps-client-logged.hp:pass']);
    await arm.close();
    await session.close();
    expect(existsSync(join(logDir, 'mps', 'pipe', 'control'))).toBe(false);
    expect(warnings).toEqual([]);
  });
});
