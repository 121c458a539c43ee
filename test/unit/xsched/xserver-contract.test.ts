// Contract test against a REAL XSched install, opt-in: XSCHED_CONTRACT_ROOT=<install prefix>.
// The other xsched tests run against test/doubles/native/fake-xserver.cpp; this file checks that
// the facts the double (and the suite) rely on hold for the real xserver: start-up log,
// GET /xqueues shape, graceful SIGINT stop, the invalid-policy exit, and that under the
// suite's loopback preload its control API is refused on every non-loopback address of
// this host (docs/security.md). No GPU is needed; the preload comes from native/build.
// Skipped when the variable is unset (CI has no XSched install); docs/xsched.md says when it last ran.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../../perf/lib/process/daemon/process-alive.ts';
import { readXschedConfig } from '../../../perf/lib/plan/config/xsched-settings.ts';
import { checkXschedInstall, type XschedInstall } from '../../../perf/lib/run/xsched/install.ts';
import { parseXserverLog } from '../../../perf/lib/run/xsched/server-log.ts';
import { startXserver, type RunningXserver, type StartXserverOptions } from '../../../perf/lib/run/xsched/xserver.ts';
import { fetchXqueues } from '../../../perf/lib/run/xsched/xqueues.ts';

const root = (process.env.XSCHED_CONTRACT_ROOT ?? '').trim();
const scratch = root === '' ? '' : mkdtempSync(join(tmpdir(), 'xsched-contract-'));
const started: RunningXserver[] = [];
let counter = 0;

function installOf(): XschedInstall {
  // Whichever shim the install has; the xserver itself is the same for both platforms.
  const platform = existsSync(join(root, 'lib', 'libshimhip.so')) ? 'hip-amd' : 'cuda';
  const config = readXschedConfig({ XSCHED_ROOT: root }, platform);
  // The driver check is about workers, not the xserver: accept any existing file here.
  return checkXschedInstall(config, { driverSearchDirs: [join(root, 'lib')] });
}

function options(extra: Partial<StartXserverOptions> = {}): StartXserverOptions {
  counter += 1;
  return {
    install: installOf(),
    policy: 'HPF',
    port: null,
    logPath: join(scratch, `xserver-${counter}.log`),
    readyTimeoutMs: 10_000,
    env: { PATH: process.env.PATH ?? '' },
    lockPath: join(scratch, `lock-${counter}`),
    procRoot: join(scratch, 'no-proc'), // the host's own processes are not this test's business
    ...extra,
  };
}

/** This host's addresses that are not loopback (IPv6 link-local ones need a scope: left out). */
const externalAddresses = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .filter((a) => !a.internal && !a.address.startsWith('fe80:'))
  .map((a) => a.address);

/** 'connected', or the error code of the attempt. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((x) => x.stop()));
});

afterAll(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(root === '')('the real xserver (XSCHED_CONTRACT_ROOT)', () => {
  it('starts, answers GET /xqueues with no processes, logs what the double logs, and stops on SIGINT', async () => {
    const opts = options();
    const xserver = await startXserver(opts);
    started.push(xserver);
    expect(await fetchXqueues(xserver.port)).toMatchObject({ processes: [], xqueues: [] });
    const outcome = await xserver.stop();
    expect(outcome).toMatchObject({ lastSignalSent: 'SIGINT' });
    expect(isProcessAlive(xserver.pid)).toBe(false);
    const log = readFileSync(opts.logPath, 'utf8');
    expect(log).toMatch(/^\[XSCHED INFO @ T \d+ @ \d\d:\d\d:\d\d\.\d{6}\] scheduler created with policy HPF/m);
    expect(log).toContain(`HTTP server listening on port ${xserver.port}`);
    expect(parseXserverLog(log)).toEqual({ connectedPids: [], queuesCreated: [], prioritiesSet: [], problems: [] });
  });

  it.skipIf(externalAddresses.length === 0)('listens on loopback only: a non-loopback address of this host is refused, 127.0.0.1 answers', async () => {
    const xserver = await startXserver(options());
    started.push(xserver);
    expect(xserver.apiBinding).toMatchObject({ loopbackOnly: true, listening: [{ address: '127.0.0.1', port: xserver.port }], problem: null });
    expect(await tryConnect('127.0.0.1', xserver.port)).toBe('connected');
    for (const address of externalAddresses) expect(await tryConnect(address, xserver.port), address).toBe('ECONNREFUSED');
  });

  it('exits at once on a policy name it does not know, and the error carries its log line', async () => {
    await expect(startXserver(options({ policy: 'NOPE' as 'HPF' }))).rejects.toThrow(
      /xserver exited during start-up \(exit status 1\)[\s\S]*last xserver log lines:\n.*invalid policy name NOPE/,
    );
  });
});
