// Gathers what the xsched arm observed into XschedEvidence: the xserver's log, its
// /xqueues answer during the run, and each worker's own scheduler line.

import { readFile } from 'node:fs/promises';
import type { Role } from '../../documents/types/scenario.ts';
import type { ApiBindingEvidence, WorkerOutcome, XschedEvidence } from '../../documents/types/run-record.ts';
import type { XschedConfig } from '../../plan/config/xsched-settings.ts';
import { parseXserverLog } from './server-log.ts';
import { findSchedulerKinds } from './worker-log.ts';
import type { XqueuesSnapshot } from './xqueues.ts';

export interface XschedObservations {
  config: XschedConfig;
  port: number;
  serverLogPath: string;
  /** Only the variables the arm set, never the whole environment. */
  env: Partial<Record<Role, Record<string, string>>>;
  workerPids: Partial<Record<Role, number>>;
  xqueues: XqueuesSnapshot | null;
  xqueuesError: string | null;
  apiBinding: ApiBindingEvidence;
  serverEnvNames: string[];
}

async function readTextOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return ''; // a missing log proves nothing, which the checks then say
  }
}

export async function collectXschedEvidence(observed: XschedObservations, outcomes: readonly WorkerOutcome[]): Promise<XschedEvidence> {
  const serverLog = parseXserverLog(await readTextOrEmpty(observed.serverLogPath));
  const workerPids = { ...observed.workerPids };
  const schedulerKinds: Partial<Record<Role, string[]>> = {};
  const globalSchedulerSeen: Partial<Record<Role, boolean>> = {};
  for (const outcome of outcomes) {
    const kinds = findSchedulerKinds(await readTextOrEmpty(outcome.logPath));
    schedulerKinds[outcome.role] = kinds;
    globalSchedulerSeen[outcome.role] = kinds.includes('global') && !kinds.includes('app-managed') && !kinds.includes('local');
    if (outcome.ok && workerPids[outcome.role] === undefined) workerPids[outcome.role] = outcome.result.fingerprint.pid;
  }
  return {
    root: observed.config.root,
    policy: observed.config.policy,
    port: observed.port,
    serverLogPath: observed.serverLogPath,
    xqueues: observed.xqueues,
    connectedPids: serverLog.connectedPids,
    queueCreatedPids: [...new Set(serverLog.queuesCreated.map((q) => q.pid))],
    queuesCreated: serverLog.queuesCreated,
    prioritiesSet: serverLog.prioritiesSet,
    globalSchedulerSeen,
    env: observed.env,
    workerPids,
    schedulerKinds,
    xqueuesError: observed.xqueuesError,
    serverProblems: serverLog.problems,
    apiBinding: observed.apiBinding,
    serverEnvNames: observed.serverEnvNames,
  };
}
