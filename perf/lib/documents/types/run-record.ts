// The raw record of one scenario run: everything measured, nothing derived.
// Saved under the results directory; replay feeds it back into evaluation.

import type { ArmName, Role, Scenario } from './scenario.ts';
import type { WorkerResult } from './worker-result.ts';
import type { EnvironmentRecord } from './environment.ts';
import type { RunSource } from './run-source.ts';

export const RUN_RECORD_SCHEMA = 'xsched-perf.run';
export const RUN_RECORD_SCHEMA_VERSION = 1;

export type WorkerFailureKind =
  | 'spawn' // could not start the process
  | 'never-ready' // no READY line before the ready timeout
  | 'late' // READY arrived after the start instant handed to the other worker
  | 'crash' // exited non-zero or by a signal
  | 'hang' // did not exit by end + drain + grace
  | 'bad-output' // READY or result not following the protocol
  | 'aborted'; // the suite was interrupted

export interface WorkerFailure {
  kind: WorkerFailureKind;
  message: string;
  exitCode: number | null;
  signal: string | null;
  lastLogLines: string[];
}

export type WorkerOutcome =
  | { ok: true; role: Role; result: WorkerResult; logPath: string; readyAtNs: string }
  | { ok: false; role: Role; failure: WorkerFailure; logPath: string };

/** What the xsched arm observed about XSched itself (docs/xsched.md). */
export interface XschedEvidence {
  root: string;
  policy: string;
  port: number;
  serverLogPath: string;
  /** Last GET /xqueues answer taken while both workers ran. */
  xqueues: unknown;
  /** pids the xserver log says connected / created queues / set priorities. */
  connectedPids: number[];
  queueCreatedPids: number[];
  prioritiesSet: Array<{ queue: string; priority: number; pid: number | null }>;
  /** Every "XQueue (0x...) from process <pid> created" line: a PyTorch process creates many
   *  (docs/workloads.md). Optional: records written before it have only queueCreatedPids. */
  queuesCreated?: Array<{ queue: string; pid: number }>;
  /** Per role: did its stderr say it uses the global scheduler? */
  globalSchedulerSeen: Partial<Record<Role, boolean>>;
  env: Partial<Record<Role, Record<string, string>>>;
  /** Worker pids of the arm, to match against the lines above (optional: added after v1 shipped). */
  workerPids?: Partial<Record<Role, number>>;
  /** Per role: every XSched scheduler its stderr announced ("global" expected; "app-managed", "local"). */
  schedulerKinds?: Partial<Record<Role, string[]>>;
  /** Why GET /xqueues gave nothing (null when it was taken); starts with XSERVER_DIED_PREFIX when the xserver died mid-arm. */
  xqueuesError?: string | null;
  /** WARN/ERRO lines of the xserver log. */
  serverProblems?: string[];
  /** Where the control API listened, read from the kernel (optional: added after v1 shipped). */
  apiBinding?: ApiBindingEvidence;
  /** The environment names the xserver was started with (names only). */
  serverEnvNames?: string[];
}

/** The xserver's listening sockets (perf/lib/run/xsched/api-binding.ts). */
export interface ApiBindingEvidence {
  loopbackOnly: boolean;
  listening: Array<{ address: string; port: number }>;
  /** The LD_PRELOAD library that moved its wildcard bind to loopback. */
  preloadPath: string;
  verifiedBy: string;
  /** Why the binding is not acceptable; null when it is. */
  problem: string | null;
}

/** What the sharing mode setup observed (docs/sharing-modes.md). */
export interface SharingEvidence {
  requested: string;
  /** e.g. MPS control daemon pid, pipe directory, and the client pids its log shows. */
  details: Record<string, unknown>;
}

/**
 * What a reference arm observed about its own mechanism (docs/arms.md): for mps-lpN, the
 * CUDA_MPS_ACTIVE_THREAD_PERCENTAGE each worker process actually received, read from
 * /proc/<pid>/environ after READY.
 */
export interface ReferenceEvidence {
  mechanism: 'mps-thread-percentage';
  /** The value the arm set in the lp worker's environment. */
  requested: string;
  pids: Partial<Record<Role, number>>;
  /** Per role: the variable's value in the running process; null when the process did not have it. */
  received: Partial<Record<Role, string | null>>;
  /** Per role: why the environment could not be read (e.g. the process had exited); absent when it was read. */
  readErrors: Partial<Record<Role, string>>;
}

export interface ArmTrialRecord {
  arm: ArmName;
  /** 0-based trial index; arms are interleaved within a trial. */
  trial: number;
  startedAt: string;
  /** Absolute CLOCK_MONOTONIC start/end instants handed to the workers (decimal strings). */
  startNs: string | null;
  endNs: string | null;
  workers: WorkerOutcome[];
  /** Set when the arm did not run at all (e.g. xsched not configured); the reason is shown. */
  skipped: string | null;
  xsched: XschedEvidence | null;
  sharing: SharingEvidence | null;
  /** Reference arms only (optional: added after v1 shipped). */
  reference?: ReferenceEvidence | null;
  /** GPU processes, GPU state and host CPU around the window (absent in runs saved before it was recorded; docs/environment.md). */
  environment?: EnvironmentRecord;
  /** True when the run was aborted while this arm-trial ran: its workers were stopped, its results are partial (optional: added after v1 shipped). */
  interrupted?: boolean;
}

/**
 * How the run ended. `aborted`: stopped by a signal, its parent's death, --bail or an
 * exception; what was measured until then is kept, and it is never evaluated as a pass
 * nor stored as a baseline (docs/orchestration.md, "Stops"). Optional: records written
 * before it existed were complete runs.
 */
export type RunStatus = { state: 'complete' } | { state: 'aborted'; reason: string; at: string };

export interface RunRecord {
  schema: typeof RUN_RECORD_SCHEMA;
  schemaVersion: typeof RUN_RECORD_SCHEMA_VERSION;
  runId: string;
  createdAt: string;
  suiteVersion: string;
  scenario: Scenario;
  host: { hostname: string; os: string; node: string; cpus: number };
  workerPath: string;
  trials: ArmTrialRecord[];
  /** Free-form notes the run wants a reader to see (e.g. "intensive shortened to 60 s"). */
  notes: string[];
  /** The environment names every worker started from (optional: added after v1 shipped). */
  childEnv?: ChildEnvRecord;
  status?: RunStatus;
  /** Suite commit and XSched version (run-source.ts); absent in runs recorded before it. */
  source?: RunSource;
}

/** Names only, never values: what the allow list (perf/lib/process/allowed-env.ts) kept. */
export interface ChildEnvRecord {
  passedNames: string[];
  droppedCount: number;
}

/** The status of a record: absent (older files) means complete. */
export function runStatusOf(record: Pick<RunRecord, 'status'>): RunStatus {
  return record.status ?? { state: 'complete' };
}

/** How the xsched evidence's error begins when the xserver died mid-arm (perf/lib/run/xsched/arm.ts); the workers-ok check then names it as the cause. */
export const XSERVER_DIED_PREFIX = 'the xserver (pid ';
