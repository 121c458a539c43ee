// The xsched arm of one trial: its own xserver, the workers' XSched environment, and
// the evidence that XSched really scheduled them.

import { XSERVER_DIED_PREFIX } from '../../documents/types/run-record.ts';
import { join } from 'node:path';
import type { Role } from '../../documents/types/scenario.ts';
import type { WorkerEnv } from '../../documents/types/arm-setup.ts';
import type { WorkerOutcome, XschedEvidence } from '../../documents/types/run-record.ts';
import { readLastLogLines } from '../worker/read-log-tail.ts';
import type { XschedConfig } from '../../plan/config/xsched-settings.ts';
import { collectXschedEvidence } from './evidence.ts';
import type { XschedInstall } from './install.ts';
import { removeXschedFromEnv, xschedVariablesFor } from './worker-env.ts';
import type { StopOutcome } from '../../process/stop-process.ts';
import { startXserver, type RunningXserver } from './xserver.ts';
import { fetchXqueues, type XqueuesSnapshot } from './xqueues.ts';

export interface XschedArm {
  xserver: RunningXserver;
  envFor(role: Role, baseEnv: WorkerEnv): WorkerEnv;
  /** Throws when the xserver is gone: the workers would have nothing to register with. */
  afterReady(pids: Partial<Record<Role, number>>): Promise<void>;
  duringRun(pids: Partial<Record<Role, number>>): Promise<void>;
  finish(outcomes: WorkerOutcome[]): Promise<XschedEvidence>;
  /** Stops the xserver; resolves to a problem to report (it ignored SIGINT, or was gone), or null. */
  close(): Promise<string | null>;
}

export interface OpenXschedArmOptions {
  config: XschedConfig;
  install: XschedInstall;
  logDir: string;
  /** Names the log (xsched-t<trial>-xserver.log): one per arm-trial, next to its workers' logs. */
  trial: number;
  env: NodeJS.ProcessEnv;
  lockPath?: string;
  procRoot?: string;
  signal?: AbortSignal;
  /** Passed to startXserver (default: its production grace periods). */
  stopGraceMs?: { sigintMs: number; sigtermMs: number };
  /** The CPUs the xserver runs on (the scenario's cpuPlacement). */
  cpus?: readonly number[] | null;
}

/** xserver removes its IPC channels only when SIGINT stops it; anything else is worth a warning. */
export function describeStop(xserver: RunningXserver, outcome: StopOutcome | null): string | null {
  const what = `the xserver (pid ${xserver.pid}, log ${xserver.logPath})`;
  if (outcome === null) return `${what} could not be stopped cleanly; check for a leftover xserver process before the next run`;
  if (outcome.lastSignalSent === 'SIGINT') return null;
  if (outcome.lastSignalSent === null) {
    const how = outcome.exitCode !== null ? `exit status ${outcome.exitCode}` : `signal ${outcome.exitSignal}`;
    return `${what} had already exited (${how}) when the arm ended: it did not stay up for the whole arm`;
  }
  return `${what} did not stop on SIGINT within the grace period and needed ${outcome.lastSignalSent}; its IPC channels may be left behind`;
}

export async function openXschedArm(options: OpenXschedArmOptions): Promise<XschedArm> {
  const { config, install } = options;
  const xserver = await startXserver({
    install,
    policy: config.policy,
    port: config.port,
    logPath: join(options.logDir, `xsched-t${options.trial}-xserver.log`),
    readyTimeoutMs: config.readyTimeoutMs,
    env: options.env,
    ...(options.lockPath !== undefined ? { lockPath: options.lockPath } : {}),
    ...(options.procRoot !== undefined ? { procRoot: options.procRoot } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.stopGraceMs !== undefined ? { stopGraceMs: options.stopGraceMs } : {}),
    cpus: options.cpus ?? null,
  });
  const env: Partial<Record<Role, Record<string, string>>> = {};
  const workerPids: Partial<Record<Role, number>> = {};
  let xqueues: XqueuesSnapshot | null = null;
  let xqueuesError: string | null = 'no GET /xqueues was taken during the run (duringRun was not called)';

  return {
    xserver,
    envFor(role, baseEnv) {
      const clean = removeXschedFromEnv(baseEnv, config.root);
      const variables = xschedVariablesFor(role, config, install, clean);
      env[role] = variables;
      return { ...clean, ...variables };
    },
    async afterReady(pids) {
      Object.assign(workerPids, pids);
      if (!xserver.isAlive()) {
        const lines = await readLastLogLines(xserver.logPath);
        throw new Error(`the xserver (pid ${xserver.pid}) exited before the run started; log ${xserver.logPath}:\n  ${lines.join('\n  ')}`);
      }
    },
    async duringRun(pids) {
      Object.assign(workerPids, pids);
      if (!xserver.isAlive()) {
        xqueuesError = `the xserver (pid ${xserver.pid}) had exited by half time; see ${xserver.logPath}`;
        return;
      }
      try {
        xqueues = await fetchXqueues(xserver.port);
        xqueuesError = null;
      } catch (error) {
        xqueuesError = (error as Error).message;
      }
    },
    async finish(outcomes) {
      const ended = xserver.exitStatus();
      if (ended !== null) {
        // The cause, not the symptom: workers of this arm crash when their xserver dies.
        const lines = await readLastLogLines(xserver.logPath);
        xqueuesError =
          `${XSERVER_DIED_PREFIX}${xserver.pid}) died during the arm (${ended}); the failures of this arm's workers follow from it. ` +
          `Last lines of ${xserver.logPath}:\n  ${lines.join('\n  ')}`;
      }
      return collectXschedEvidence(
        { config, port: xserver.port, serverLogPath: xserver.logPath, env, workerPids, xqueues, xqueuesError, apiBinding: xserver.apiBinding, serverEnvNames: xserver.envNames },
        outcomes,
      );
    },
    async close() {
      return describeStop(xserver, await xserver.stop());
    },
  };
}
