// The xserver lifecycle against the xserver test double (test/doubles/native/fake-xserver.cpp).
// Every start gets its own lock file and an empty process tree to scan: the host's lock
// and /proc are shared with any other test run on the machine, whose fake xservers
// would make these starts refuse ("an xserver is already running on this host").

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../perf/lib/process/daemon/process-alive.ts';
import { waitUntil } from '../../../perf/lib/process/daemon/wait-until.ts';
import { readXschedConfig } from '../../../perf/lib/plan/config/xsched-settings.ts';
import { checkXschedInstall } from '../../../perf/lib/run/xsched/install.ts';
import { startXserver, type RunningXserver, type StartXserverOptions } from '../../../perf/lib/run/xsched/xserver.ts';
import { fetchXqueues } from '../../../perf/lib/run/xsched/xqueues.ts';
import { makeFakeInstall, removeFakeInstalls } from './fake-install.ts';

const fake = makeFakeInstall();
const noOtherProcesses = join(fake.scratch, 'empty-proc');
mkdirSync(noOtherProcesses);
const install = checkXschedInstall(readXschedConfig({ XSCHED_ROOT: fake.root }, 'hip-amd'), { driverSearchDirs: [fake.driverDir] });
let counter = 0;
const started: RunningXserver[] = [];
const blockers: Server[] = [];

function options(extra: Partial<StartXserverOptions> = {}, env: Record<string, string> = {}): StartXserverOptions {
  counter += 1;
  return {
    install,
    policy: 'HPF',
    port: null,
    logPath: join(fake.scratch, `xserver-${counter}.log`),
    readyTimeoutMs: 5_000,
    // The double's switches pass the allow list only when named (perf/lib/process/allowed-env.ts).
    env: { PATH: process.env.PATH ?? '', PERF_CHILD_ENV_ALLOW: 'FAKE_XSERVER_*', ...env },
    lockPath: join(fake.scratch, `lock-${counter}`),
    procRoot: noOtherProcesses,
    // Short grace periods: the escalation is what is tested, not the production waits.
    stopGraceMs: { sigintMs: 1_000, sigtermMs: 300 },
    ...extra,
  };
}

async function start(opts: StartXserverOptions): Promise<RunningXserver> {
  const xserver = await startXserver(opts);
  started.push(xserver);
  return xserver;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((x) => x.stop()));
  await Promise.all(blockers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

afterAll(removeFakeInstalls);

describe('startXserver', () => {
  it('starts `xserver <policy> <port>` with XLOG_LEVEL=INFO, answers /xqueues, and stops with SIGINT', async () => {
    const opts = options({}, { LD_PRELOAD: '/x/libshimhip.so', XSCHED_POLICY: 'HPF', GITHUB_TOKEN: 'ghs_value' });
    const xserver = await start(opts);
    expect(xserver.isAlive()).toBe(true);
    // The shim goes to workers only: the xserver's only preload is the loopback library, and it has no XSCHED_*.
    const environ = readFileSync(`/proc/${xserver.pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain('XLOG_LEVEL=INFO');
    expect(environ.filter((v) => v.startsWith('GITHUB_TOKEN='))).toEqual([]); // the allow list (perf/lib/process/allowed-env.ts)
    expect(xserver.envNames).toEqual(['LD_PRELOAD', 'PATH', 'XLOG_LEVEL']);
    expect(environ.filter((v) => v.startsWith('LD_PRELOAD=') || v.startsWith('XSCHED_'))).toEqual([`LD_PRELOAD=${xserver.apiBinding.preloadPath}`]);
    expect(xserver.apiBinding).toMatchObject({ loopbackOnly: true, listening: [{ address: '127.0.0.1', port: xserver.port }], problem: null });
    expect(await fetchXqueues(xserver.port)).toMatchObject({ processes: [], xqueues: [] });
    expect(JSON.parse(readFileSync(opts.lockPath as string, 'utf8'))).toMatchObject({ xserverPid: xserver.pid, port: xserver.port });
    const outcome = await xserver.stop();
    expect(outcome).toMatchObject({ lastSignalSent: 'SIGINT', exitCode: 0 });
    expect(isProcessAlive(xserver.pid)).toBe(false);
    expect(() => readFileSync(opts.lockPath as string)).toThrow(); // lock released
    const log = readFileSync(opts.logPath, 'utf8');
    expect(log).toContain('scheduler created with policy HPF');
    expect(log).toContain(`HTTP server listening on port ${xserver.port}`);
  });

  it('refuses to run an xserver whose API listens off loopback (here: the preload library is not loaded) and stops it', async () => {
    const attempt = start(options({ loopbackPreloadPath: join(fake.scratch, 'no-such-preload.so') }));
    await expect(attempt).rejects.toThrow(/refusing to run the xsched arm: xserver pid \d+ listens on 0\.0\.0\.0:\d+, not loopback only/);
  });

  it('reports an early exit with the last log lines (invalid policy)', async () => {
    const attempt = start(options({ policy: 'NOPE' as 'HPF' }));
    await expect(attempt).rejects.toThrow(/xserver exited during start-up \(exit status 1\)/);
    await expect(start(options({ policy: 'NOPE' as 'HPF' }))).rejects.toThrow(/last xserver log lines:\n.*invalid policy name NOPE/);
  });

  it('reports a crash after start-up the same way', async () => {
    await expect(start(options({}, { FAKE_XSERVER_EXIT_AFTER_MS: '0', FAKE_XSERVER_READY_DELAY_MS: '2000' }))).rejects.toThrow(/exited during start-up[\s\S]*fake failure requested/);
  });

  it('times out when GET /xqueues never answers, and leaves nothing running', async () => {
    const opts = options({ readyTimeoutMs: 500 }, { FAKE_XSERVER_READY_DELAY_MS: '60000' });
    await expect(start(opts)).rejects.toThrow(/did not answer GET \/xqueues on port \d+ within 500 ms[\s\S]*PERF_XSCHED_READY_TIMEOUT_MS/);
    const lockLeft = (() => {
      try {
        return readFileSync(opts.lockPath as string, 'utf8');
      } catch {
        return null;
      }
    })();
    expect(lockLeft).toBeNull();
  });

  it('refuses a fixed port that is in use', async () => {
    const blocker = createServer();
    blockers.push(blocker);
    const port = await new Promise<number>((resolve) => blocker.listen(0, '0.0.0.0', () => resolve((blocker.address() as { port: number }).port)));
    await expect(start(options({ port }))).rejects.toThrow(`PERF_XSCHED_PORT=${port} is already in use by another process`);
  });

  it('refuses while another run holds the host lock', async () => {
    const opts = options();
    await start(opts);
    await expect(start({ ...options(), lockPath: opts.lockPath as string })).rejects.toThrow(`is held by pid ${process.pid}`);
  });

  it('reports an xserver someone else runs instead of sharing it', async () => {
    const procRoot = join(fake.scratch, 'proc');
    mkdirSync(join(procRoot, '31337'), { recursive: true });
    writeFileSync(join(procRoot, '31337', 'comm'), 'xserver\n');
    writeFileSync(join(procRoot, '31337', 'cmdline'), '/opt/xsched/bin/xserver\0HPF\x0050000\0');
    await expect(start(options({ procRoot }))).rejects.toThrow('an xserver is already running on this host: pid 31337 (/opt/xsched/bin/xserver HPF 50000)');
  });

  it('escalates to SIGTERM when SIGINT is ignored', async () => {
    // SIGINT is ignored here: its grace is only waited out, so it is short.
    const xserver = await start(options({ stopGraceMs: { sigintMs: 200, sigtermMs: 300 } }, { FAKE_XSERVER_IGNORE_SIGINT: '1' }));
    expect(await xserver.stop()).toMatchObject({ lastSignalSent: 'SIGTERM', exitSignal: 'SIGTERM' });
  });

  it('ends with SIGKILL when SIGINT and SIGTERM are both ignored', async () => {
    const xserver = await start(options({ stopGraceMs: { sigintMs: 200, sigtermMs: 200 } }, { FAKE_XSERVER_IGNORE_SIGINT: '1', FAKE_XSERVER_IGNORE_SIGTERM: '1' }));
    expect(await xserver.stop()).toMatchObject({ lastSignalSent: 'SIGKILL', exitSignal: 'SIGKILL' });
  });

  it('says how it ended when it dies on its own (named as the cause of the arm failures)', async () => {
    const xserver = await start(options());
    expect(xserver.exitStatus()).toBeNull();
    process.kill(xserver.pid, 'SIGKILL');
    await waitUntil(() => xserver.exitStatus(), { timeoutMs: 2_000, intervalMs: 20 });
    expect(xserver.exitStatus()).toBe('signal SIGKILL');
  });

  it('stops only once however often stop() is called', async () => {
    const xserver = await start(options());
    const [first, second] = await Promise.all([xserver.stop(), xserver.stop()]);
    expect(second).toBe(first);
  });
});
