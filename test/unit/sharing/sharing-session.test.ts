// Sharing modes against the MPS control test double (test/doubles/native/fake-mps-control.cpp).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../perf/lib/process/daemon/process-alive.ts';
import { MpsSetupError } from '../../../perf/lib/run/sharing/mps-binary.ts';
import { openSharing, type SharingSession } from '../../../perf/lib/run/sharing/sharing-session.ts';
import { SharingUnsupportedError } from '../../../perf/lib/plan/scenarios/sharing.ts';
import { makeFakeMpsControl } from '../xsched/fake-install.ts';

const base = mkdtempSync(join(tmpdir(), 'xsched-perf-mps-'));
const mpsControl = makeFakeMpsControl(base);
const emptyProc = join(base, 'empty-proc');
mkdirSync(emptyProc);
const opened: SharingSession[] = [];
let counter = 0;

function logDir(): string {
  counter += 1;
  const dir = join(base, `run-${counter}`);
  mkdirSync(dir);
  return dir;
}

async function open(requested: 'mps' | 'time-sliced' | 'platform-default', extra: { platform?: 'cuda' | 'hip-amd' | null; env?: NodeJS.ProcessEnv; procRoot?: string; logDir?: string } = {}) {
  const session = await openSharing({
    requested,
    platform: extra.platform === undefined ? 'cuda' : extra.platform,
    logDir: extra.logDir ?? logDir(),
    env: extra.env ?? { PATH: process.env.PATH ?? '', PERF_MPS_CONTROL: mpsControl },
    procRoot: extra.procRoot ?? emptyProc,
  });
  opened.push(session);
  return session;
}

/** Plays a CUDA process connecting, through the double's side channel. */
function connectClient(session: SharingSession, pid: number): void {
  const env = session.envFor({ PATH: process.env.PATH ?? '' });
  const result = spawnSync(mpsControl, [], { env, input: `__double_client ${pid}\n`, encoding: 'utf8' });
  expect(result.status).toBe(0);
}

function fakeProc(name: string, pid: number, cmdline: string): string {
  const root = mkdtempSync(join(base, 'proc-'));
  mkdirSync(join(root, String(pid)));
  writeFileSync(join(root, String(pid), 'comm'), `${name.slice(0, 15)}\n`);
  writeFileSync(join(root, String(pid), 'cmdline'), cmdline.split(' ').join('\0'));
  return root;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('mps', () => {
  it('starts a private daemon, gives workers its directories, logs their pids, and quits it', async () => {
    const dir = logDir();
    // The real /proc: the daemon's pid is found there by its private pipe directory.
    const session = await open('mps', { logDir: dir, procRoot: '/proc' });
    const env = session.envFor({ PATH: '/usr/bin', CUDA_MPS_PIPE_DIRECTORY: '/tmp/nvidia-mps' });
    expect(env).toEqual({ PATH: '/usr/bin', CUDA_MPS_PIPE_DIRECTORY: join(dir, 'mps', 'pipe'), CUDA_MPS_LOG_DIRECTORY: join(dir, 'mps', 'log') });
    connectClient(session, 4242);
    connectClient(session, 4343);
    const evidence = await session.evidence();
    expect(evidence.requested).toBe('mps');
    expect(evidence.details).toMatchObject({ mode: 'mps', pipeDirectory: join(dir, 'mps', 'pipe'), daemonRunning: true, clientPids: [4242, 4343] });
    const controlPid = evidence.details.controlPid as number;
    expect(isProcessAlive(controlPid)).toBe(true);
    expect(await session.close()).toBeNull();
    expect(isProcessAlive(controlPid)).toBe(false);
    expect(existsSync(join(dir, 'mps', 'pipe', 'control'))).toBe(false);
  });

  it('uses a short temporary pipe directory when the run directory is too deep for a socket path', async () => {
    const deep = join(logDir(), 'x'.repeat(90));
    mkdirSync(deep);
    const session = await open('mps', { logDir: deep });
    const pipe = session.envFor({}).CUDA_MPS_PIPE_DIRECTORY as string;
    expect(pipe.startsWith(deep)).toBe(false);
    expect(pipe.length).toBeLessThan(83);
    expect(session.envFor({}).CUDA_MPS_LOG_DIRECTORY).toBe(join(deep, 'mps', 'log'));
    await session.close();
    expect(existsSync(pipe)).toBe(false); // the temporary one is removed
  });

  it('a zombie MPS daemon (the suite\'s own, stopped, where nobody reaps it) is not a running one', async () => {
    const procRoot = fakeProc('nvidia-cuda-mps-control', 780, '');
    writeFileSync(join(procRoot, '780', 'stat'), '780 (nvidia-cuda-mps) Z 1 780 780 0 -1 4227332 0 0 0 0 0 0 0 0 20 0 1 0');
    const session = await open('time-sliced', { procRoot });
    expect(session.mode).toBe('time-sliced');
    writeFileSync(join(procRoot, '780', 'stat'), '780 (nvidia-cuda-mps) S 1 780 780 0 -1 4227332 0 0 0 0 0 0 0 0 20 0 1 0');
    await expect(open('time-sliced', { procRoot })).rejects.toThrow('an MPS daemon is already running: pid 780 (nvidia-cuda-mps)');
  });

  it('refuses when an MPS daemon is already running, naming it', async () => {
    const procRoot = fakeProc('nvidia-cuda-mps-control', 777, '/usr/bin/nvidia-cuda-mps-control -d');
    await expect(open('mps', { procRoot })).rejects.toThrow('an MPS daemon is already running: pid 777 (/usr/bin/nvidia-cuda-mps-control -d)');
  });

  it('says where to get the control program when it is missing', async () => {
    await expect(open('mps', { env: { PATH: base.replace(/$/, '/nothing-here') } })).rejects.toThrow(MpsSetupError);
    await expect(open('mps', { env: { PATH: '/nonexistent' } })).rejects.toThrow(/needs nvidia-cuda-mps-control, which is not on PATH \(\/nonexistent\).*PERF_MPS_CONTROL/);
    await expect(open('mps', { env: { PERF_MPS_CONTROL: '/nonexistent/mps' } })).rejects.toThrow('PERF_MPS_CONTROL="/nonexistent/mps" is not an executable file');
  });

  it('reports a daemon that fails to start with its output', async () => {
    const broken = join(base, 'broken-mps-control');
    writeFileSync(broken, '#!/bin/sh\necho "MPS is not supported on this GPU" >&2\nexit 3\n', { mode: 0o755 });
    await expect(open('mps', { env: { PERF_MPS_CONTROL: broken } })).rejects.toThrow(/-d failed \(exit status 3\)[\s\S]*MPS is not supported on this GPU/);
  });

  it('is refused on AMD', async () => {
    await expect(open('mps', { platform: 'hip-amd' })).rejects.toThrow(SharingUnsupportedError);
  });
});

describe('time-sliced and platform-default', () => {
  it('time-sliced removes inherited MPS variables and records no MPS process', async () => {
    const session = await open('time-sliced');
    expect(session.envFor({ PATH: '/usr/bin', CUDA_MPS_PIPE_DIRECTORY: '/tmp/nvidia-mps', CUDA_MPS_LOG_DIRECTORY: '/var/log/nvidia-mps' })).toEqual({ PATH: '/usr/bin' });
    expect(await session.evidence()).toEqual({ requested: 'time-sliced', details: { mode: 'time-sliced', mpsProcesses: [] } });
  });

  it('time-sliced is an error while an MPS server runs', async () => {
    const procRoot = fakeProc('nvidia-cuda-mps-server', 778, '/usr/bin/nvidia-cuda-mps-server');
    await expect(open('time-sliced', { procRoot })).rejects.toThrow(/already running: pid 778 .*with MPS running the GPU is not time-sliced/);
  });

  it('platform-default on NVIDIA is time slicing; on AMD nothing is checked', async () => {
    expect((await open('platform-default', { platform: 'cuda' })).mode).toBe('time-sliced');
    const amd = await open('platform-default', { platform: 'hip-amd', procRoot: fakeProc('nvidia-cuda-mps-server', 779, 'x') });
    expect(amd.mode).toBe('platform-default');
    expect(await amd.evidence()).toEqual({ requested: 'platform-default', details: { mode: 'platform-default' } });
  });
});
