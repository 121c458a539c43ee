// Starts the XSched server for one arm-trial and stops it again: `<root>/bin/xserver
// <policy> <port>`, logging at INFO into the arm's log directory, ready once
// GET /xqueues answers.

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { findProcessesNamed } from '../../process/daemon/process-scan.ts';
import { stopChildProcess, type StopOutcome } from '../../process/daemon/stop-child.ts';
import { waitUntil } from '../../process/daemon/wait-until.ts';
import { readLastLogLines } from '../worker/read-log-tail.ts';
import type { XschedInstall } from './install.ts';
import type { XschedPolicyName } from '../../plan/config/xsched-facts.ts';
import { acquireXserverLock, type XserverLock } from './host-lock.ts';
import { chooseXserverPort } from './port.ts';
import { checkApiBinding } from './api-binding.ts';
import { assertPreloadReaches, locateLoopbackPreload } from './loopback-preload.ts';
import { buildXserverEnv } from './xserver-env.ts';
import type { ApiBindingEvidence } from '../../documents/types/run-record.ts';
import { fetchXqueues } from './xqueues.ts';

export interface StartXserverOptions {
  install: XschedInstall;
  policy: XschedPolicyName;
  /** null: a free port. */
  port: number | null;
  logPath: string;
  readyTimeoutMs: number;
  /** The suite's environment; the xserver gets it without any XSched variable or preload. */
  env: NodeJS.ProcessEnv;
  lockPath?: string;
  /** The loopback LD_PRELOAD library (default: locateLoopbackPreload()). */
  loopbackPreloadPath?: string;
  /** Where to look for other xservers ('/proc'; tests give a fake tree). */
  procRoot?: string;
  signal?: AbortSignal;
}

export interface RunningXserver {
  pid: number;
  port: number;
  policy: XschedPolicyName;
  logPath: string;
  /** Its listening sockets, all on loopback (checked at start-up). */
  apiBinding: ApiBindingEvidence;
  /** The names of its environment (never values). */
  envNames: string[];
  isAlive(): boolean;
  /** Idempotent; also releases the host lock. Never throws. */
  stop(): Promise<StopOutcome | null>;
  /** For process-exit handlers: SIGKILL and lock release, nothing asynchronous. */
  killSync(): void;
}

export class XserverStartError extends Error {
  override readonly name = 'XserverStartError';
  constructor(
    message: string,
    readonly lastLogLines: string[],
    options?: { cause?: unknown },
  ) {
    super(lastLogLines.length > 0 ? `${message}\nlast xserver log lines:\n  ${lastLogLines.join('\n  ')}` : message, options);
  }
}

/** xserver handles SIGINT (and SIGQUIT) by stopping cleanly and removing its IPC channels; SIGTERM would skip that. */
const STOP_STEPS = [
  { signal: 'SIGINT' as const, graceMs: 3_000 },
  { signal: 'SIGTERM' as const, graceMs: 2_000 },
];

function rejectOtherXservers(procRoot: string | undefined): void {
  const others = findProcessesNamed(['xserver'], procRoot === undefined ? {} : { procRoot });
  if (others.length > 0) {
    const list = others.map((p) => `pid ${p.pid} (${p.cmdline || p.comm})`).join(', ');
    throw new XserverStartError(
      `an xserver is already running on this host: ${list}. The suite starts its own and never shares one ` +
        '(its workers would register with the other one); stop it and run again',
      [],
    );
  }
}

function spawnXserver(options: StartXserverOptions, port: number, env: Record<string, string>): ChildProcess {
  const logFd = openSync(options.logPath, 'w');
  try {
    return spawn(options.install.xserverPath, [options.policy, String(port)], {
      cwd: dirname(options.logPath),
      env,
      stdio: ['ignore', logFd, logFd],
    });
  } finally {
    closeSync(logFd); // the child has its own copy
  }
}

async function waitForReady(child: ChildProcess, port: number, options: StartXserverOptions): Promise<void> {
  let lastProblem = 'no answer yet';
  const ready = await waitUntil(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        const how = child.exitCode !== null ? `exit status ${child.exitCode}` : `signal ${child.signalCode}`;
        throw new XserverStartError(`xserver exited during start-up (${how}); log ${options.logPath}`, await readLastLogLines(options.logPath));
      }
      try {
        await fetchXqueues(port, 1_000);
        return true;
      } catch (error) {
        lastProblem = (error as Error).message;
        return null;
      }
    },
    { timeoutMs: options.readyTimeoutMs, intervalMs: 100, ...(options.signal ? { signal: options.signal } : {}) },
  );
  if (ready === null) {
    throw new XserverStartError(
      `xserver (pid ${child.pid}) did not answer GET /xqueues on port ${port} within ${options.readyTimeoutMs} ms ` +
        `(last try: ${lastProblem}); log ${options.logPath}; raise PERF_XSCHED_READY_TIMEOUT_MS if the host is slow`,
      await readLastLogLines(options.logPath),
    );
  }
}

export async function startXserver(options: StartXserverOptions): Promise<RunningXserver> {
  const lock = await acquireXserverLock(options.lockPath);
  let child: ChildProcess | null = null;
  try {
    rejectOtherXservers(options.procRoot);
    const preloadPath = options.loopbackPreloadPath ?? locateLoopbackPreload();
    assertPreloadReaches(options.install.xserverPath);
    const port = await chooseXserverPort(options.port);
    const env = buildXserverEnv(options.env, options.install, preloadPath);
    child = spawnXserver(options, port, env);
    const spawned = child;
    const spawnError = new Promise<never>((_resolve, reject) => spawned.once('error', reject));
    spawnError.catch(() => undefined);
    if (spawned.pid === undefined) await spawnError;
    await lock.update({ xserverPid: spawned.pid ?? null, port, logPath: options.logPath });
    await Promise.race([waitForReady(spawned, port, options), spawnError]);
    const apiBinding = checkApiBinding(spawned.pid as number, port, preloadPath);
    if (apiBinding.problem !== null) throw new XserverStartError(`refusing to run the xsched arm: ${apiBinding.problem} (docs/security.md)`, []);
    return makeHandle(spawned, port, options, lock, { apiBinding, envNames: Object.keys(env).sort() });
  } catch (error) {
    if (child) await stopChildProcess(child, STOP_STEPS);
    await lock.release();
    if (error instanceof XserverStartError) throw error;
    throw new XserverStartError(`could not start ${options.install.xserverPath}: ${(error as Error).message}`, [], { cause: error });
  }
}

function makeHandle(
  child: ChildProcess,
  port: number,
  options: StartXserverOptions,
  lock: XserverLock,
  facts: Pick<RunningXserver, 'apiBinding' | 'envNames'>,
): RunningXserver {
  let stopping: Promise<StopOutcome | null> | null = null;
  return {
    ...facts,
    pid: child.pid as number,
    port,
    policy: options.policy,
    logPath: options.logPath,
    isAlive: () => child.exitCode === null && child.signalCode === null,
    stop() {
      stopping ??= (async () => {
        try {
          return await stopChildProcess(child, STOP_STEPS);
        } catch {
          return null;
        } finally {
          await lock.release().catch(() => undefined);
        }
      })();
      return stopping;
    },
    killSync() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      lock.releaseSync();
    },
  };
}
