// Starts the XSched server for one arm-trial and stops it again: `<root>/bin/xserver
// <policy> <port>`, logging at INFO into the arm's log directory, ready once
// GET /xqueues answers.

import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { execa } from 'execa';
import { findProcessesNamed } from '../../process/daemon/process-scan.ts';
import { registerExitCleanup } from '../../process/exit-cleanup.ts';
import { checkGraceMs, stopProcess, type StopOutcome, type StopStep } from '../../process/stop-process.ts';
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
import { pinnedCommand } from '../../process/cpu-list.ts';

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
  /** SIGINT, then SIGTERM grace periods when stopping it (default 1500 and 1000 ms; tests pass less). */
  stopGraceMs?: { sigintMs: number; sigtermMs: number };
  /** The CPUs it runs on, with the workers (the scenario's cpuPlacement); absent: not pinned. */
  cpus?: readonly number[] | null;
}

type XserverProcess = ReturnType<typeof spawnXserver>;

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
  /** How it ended ("exit status 1", "signal SIGSEGV"); null while it runs. */
  exitStatus(): string | null;
  /** Idempotent; also releases the host lock. Never throws. */
  stop(): Promise<StopOutcome | null>;
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

/**
 * xserver handles SIGINT (and SIGQUIT) by stopping cleanly and removing its IPC channels;
 * SIGTERM would skip that. The defaults keep a whole stop, SIGKILL included, under the
 * 3 s docs/orchestration.md promises for an aborted run.
 */
function stopSteps(options: StartXserverOptions): StopStep[] {
  const grace = options.stopGraceMs ?? { sigintMs: 1_500, sigtermMs: 1_000 };
  return [
    { signal: 'SIGINT', graceMs: checkGraceMs('stopGraceMs.sigintMs', grace.sigintMs) },
    { signal: 'SIGTERM', graceMs: checkGraceMs('stopGraceMs.sigtermMs', grace.sigtermMs) },
  ];
}

function hasExited(child: XserverProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

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

function spawnXserver(options: StartXserverOptions, port: number, env: Record<string, string>) {
  // Both streams append to one emptied log: O_APPEND keeps their lines whole and in order.
  writeFileSync(options.logPath, '');
  const log = { file: options.logPath, append: true };
  const command = pinnedCommand(options.install.xserverPath, [options.policy, String(port)], env, options.cpus);
  return execa(command.file, command.args, {
    cwd: dirname(options.logPath),
    env: command.env,
    extendEnv: false,
    stdin: 'ignore',
    stdout: log,
    stderr: log,
    buffer: false,
    reject: false,
    cleanup: false, // exit-cleanup.ts and the supervisor stop it
  });
}

async function waitForReady(child: XserverProcess, port: number, options: StartXserverOptions): Promise<void> {
  let lastProblem = 'no answer yet';
  const ready = await waitUntil(
    async () => {
      if (hasExited(child)) {
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
  const steps = stopSteps(options);
  const lock = await acquireXserverLock(options.lockPath);
  let child: XserverProcess | null = null;
  let unregister = (): void => undefined;
  try {
    rejectOtherXservers(options.procRoot);
    const preloadPath = options.loopbackPreloadPath ?? locateLoopbackPreload();
    assertPreloadReaches(options.install.xserverPath);
    const port = await chooseXserverPort(options.port);
    const env = buildXserverEnv(options.env, options.install, preloadPath);
    const spawned = spawnXserver(options, port, env);
    child = spawned;
    if (spawned.pid === undefined) {
      const result = await spawned;
      throw new Error(result.originalMessage ?? result.shortMessage ?? 'no process was started');
    }
    const killSync = (): void => {
      if (!hasExited(spawned)) spawned.kill('SIGKILL');
      lock.releaseSync();
    };
    unregister = registerExitCleanup(killSync, { kind: 'process', pid: spawned.pid, group: false, signal: 'SIGINT' });
    await lock.update({ xserverPid: spawned.pid, port, logPath: options.logPath });
    await waitForReady(spawned, port, options);
    const apiBinding = checkApiBinding(spawned.pid, port, preloadPath);
    if (apiBinding.problem !== null) throw new XserverStartError(`refusing to run the xsched arm: ${apiBinding.problem} (docs/security.md)`, []);
    return makeHandle(spawned, port, options, { lock, steps, unregister, apiBinding, envNames: Object.keys(env).sort() });
  } catch (error) {
    if (child) await stopProcess(child, { steps });
    unregister();
    await lock.release();
    if (error instanceof XserverStartError) throw error;
    throw new XserverStartError(`could not start ${options.install.xserverPath}: ${(error as Error).message}`, [], { cause: error });
  }
}

interface HandleParts {
  lock: XserverLock;
  steps: StopStep[];
  unregister: () => void;
  apiBinding: ApiBindingEvidence;
  envNames: string[];
}

function makeHandle(child: XserverProcess, port: number, options: StartXserverOptions, parts: HandleParts): RunningXserver {
  let stopping: Promise<StopOutcome | null> | null = null;
  return {
    apiBinding: parts.apiBinding,
    envNames: parts.envNames,
    pid: child.pid as number,
    port,
    policy: options.policy,
    logPath: options.logPath,
    isAlive: () => !hasExited(child),
    exitStatus: () => (child.exitCode !== null ? `exit status ${child.exitCode}` : child.signalCode !== null ? `signal ${child.signalCode}` : null),
    stop() {
      stopping ??= (async () => {
        try {
          return await stopProcess(child, { steps: parts.steps });
        } catch {
          return null;
        } finally {
          parts.unregister();
          await parts.lock.release().catch(() => undefined);
        }
      })();
      return stopping;
    },
  };
}
