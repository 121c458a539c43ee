// The raw record of one scenario run (run.json): everything measured, nothing derived.
// Saved under the results directory; replay feeds it back into evaluation. Objects are not
// strict: a reader keeps the fields it knows and passes the others through.

import * as v from 'valibot';
import { ArmNameSchema, countSchema, RoleSchema, ScenarioSchema } from './scenario.ts';
import { DecimalNsSchema, WorkerResultSchema } from './worker-result.ts';
import { EnvironmentRecordSchema } from './environment.ts';
import { RunSourceSchema } from './run-source.ts';
import { optionalKeys } from './optional-keys.ts';

export const RUN_RECORD_SCHEMA = 'xsched-perf.run';
export const RUN_RECORD_SCHEMA_VERSION = 1;

export const WorkerFailureKindSchema = v.picklist([
  'spawn', // could not start the process
  'never-ready', // no READY line before the ready timeout
  'late', // READY arrived after the start instant handed to the other worker
  'crash', // exited non-zero or by a signal
  'hang', // did not exit by end + drain + grace
  'bad-output', // READY or result not following the protocol
  'aborted', // the suite was interrupted
]);

export const WorkerFailureSchema = v.object({
  kind: WorkerFailureKindSchema,
  message: v.string(),
  exitCode: v.nullable(v.pipe(v.number(), v.integer())),
  signal: v.nullable(v.string()),
  lastLogLines: v.array(v.string()),
});

export const WorkerOutcomeSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), role: RoleSchema, result: WorkerResultSchema, logPath: v.string(), readyAtNs: DecimalNsSchema }),
  v.object({ ok: v.literal(false), role: RoleSchema, failure: WorkerFailureSchema, logPath: v.string() }),
]);

/** The xserver's listening sockets (perf/lib/run/xsched/api-binding.ts). */
export const ApiBindingEvidenceSchema = v.object({
  loopbackOnly: v.boolean(),
  listening: v.array(v.object({ address: v.string(), port: v.number() })),
  /** The LD_PRELOAD library that moved its wildcard bind to loopback. */
  preloadPath: v.string(),
  verifiedBy: v.string(),
  /** Why the binding is not acceptable; null when it is. */
  problem: v.nullable(v.string()),
});

const byRole = <T extends v.GenericSchema>(value: T) => optionalKeys(RoleSchema.options, value);

/** What the xsched arm observed about XSched itself (docs/xsched.md). */
export const XschedEvidenceSchema = v.object({
  root: v.string(),
  policy: v.string(),
  port: v.number(),
  serverLogPath: v.string(),
  /** Last GET /xqueues answer taken while both workers ran. */
  xqueues: v.unknown(),
  /** pids the xserver log says connected / created queues / set priorities. */
  connectedPids: v.array(v.number()),
  queueCreatedPids: v.array(v.number()),
  prioritiesSet: v.array(v.object({ queue: v.string(), priority: v.number(), pid: v.nullable(v.number()) })),
  /** Every "XQueue (0x...) from process <pid> created" line: a PyTorch process creates many
   *  (docs/workloads.md). Optional: records written before it have only queueCreatedPids. */
  queuesCreated: v.optional(v.array(v.object({ queue: v.string(), pid: v.number() }))),
  /** Per role: did its stderr say it uses the global scheduler? */
  globalSchedulerSeen: byRole(v.boolean()),
  env: byRole(v.record(v.string(), v.string())),
  /** Worker pids of the arm, to match against the lines above (optional: added after v1 shipped). */
  workerPids: v.optional(byRole(v.number())),
  /** Per role: every XSched scheduler its stderr announced ("global" expected; "app-managed", "local"). */
  schedulerKinds: v.optional(byRole(v.array(v.string()))),
  /** Why GET /xqueues gave nothing (null when it was taken); starts with XSERVER_DIED_PREFIX when the xserver died mid-arm. */
  xqueuesError: v.optional(v.nullable(v.string())),
  /** WARN/ERRO lines of the xserver log. */
  serverProblems: v.optional(v.array(v.string())),
  /** Where the control API listened, read from the kernel (optional: added after v1 shipped). */
  apiBinding: v.optional(ApiBindingEvidenceSchema),
  /** The environment names the xserver was started with (names only). */
  serverEnvNames: v.optional(v.array(v.string())),
});

/** What the sharing mode setup observed (docs/sharing-modes.md). */
export const SharingEvidenceSchema = v.object({
  requested: v.string(),
  /** e.g. MPS control daemon pid, pipe directory, and the client pids its log shows. */
  details: v.record(v.string(), v.unknown()),
});

/**
 * What a reference arm observed about its own mechanism (docs/arms.md): for mps-lpN, the
 * CUDA_MPS_ACTIVE_THREAD_PERCENTAGE each worker process actually received, read from
 * /proc/<pid>/environ after READY.
 */
export const ReferenceEvidenceSchema = v.object({
  mechanism: v.literal('mps-thread-percentage'),
  /** The value the arm set in the lp worker's environment. */
  requested: v.string(),
  pids: byRole(v.number()),
  /** Per role: the variable's value in the running process; null when the process did not have it. */
  received: byRole(v.nullable(v.string())),
  /** Per role: why the environment could not be read (e.g. the process had exited); absent when it was read. */
  readErrors: byRole(v.string()),
});

export const ArmTrialRecordSchema = v.object({
  arm: ArmNameSchema,
  /** 0-based trial index; arms are interleaved within a trial. */
  trial: countSchema(0),
  startedAt: v.string(),
  /** Absolute CLOCK_MONOTONIC start/end instants handed to the workers (decimal strings). */
  startNs: v.nullable(DecimalNsSchema),
  endNs: v.nullable(DecimalNsSchema),
  workers: v.array(WorkerOutcomeSchema),
  /** Set when the arm did not run at all (e.g. xsched not configured); the reason is shown. */
  skipped: v.nullable(v.string()),
  xsched: v.nullable(XschedEvidenceSchema),
  sharing: v.nullable(SharingEvidenceSchema),
  /** Reference arms only (optional: added after v1 shipped). */
  reference: v.optional(v.nullable(ReferenceEvidenceSchema)),
  /** GPU processes, GPU state and host CPU around the window (absent in runs saved before it was recorded; docs/environment.md). */
  environment: v.optional(EnvironmentRecordSchema),
  /** True when the run was aborted while this arm-trial ran: its workers were stopped, its results are partial (optional: added after v1 shipped). */
  interrupted: v.optional(v.boolean()),
});

/**
 * How the run ended. `aborted`: stopped by a signal, its parent's death, --bail or an
 * exception; what was measured until then is kept, and it is never evaluated as a pass
 * nor stored as a baseline (docs/orchestration.md, "Stops"). Optional: records written
 * before it existed were complete runs.
 */
export const RunStatusSchema = v.variant('state', [
  v.object({ state: v.literal('complete') }),
  v.object({ state: v.literal('aborted'), reason: v.string(), at: v.string() }),
]);

/** Names only, never values: what the allow list (perf/lib/process/allowed-env.ts) kept. */
export const ChildEnvRecordSchema = v.object({
  passedNames: v.array(v.string()),
  droppedCount: countSchema(0),
});

export const RunRecordSchema = v.object({
  schema: v.literal(RUN_RECORD_SCHEMA),
  schemaVersion: v.literal(RUN_RECORD_SCHEMA_VERSION),
  runId: v.string(),
  createdAt: v.string(),
  suiteVersion: v.string(),
  scenario: ScenarioSchema,
  host: v.object({
    hostname: v.string(),
    os: v.string(),
    node: v.string(),
    cpus: countSchema(0),
    /** The first CPU's model name (os.cpus()); XSched schedules from the CPU, so a machine's XSched level may follow it. Absent in runs recorded before it was kept. */
    cpuModel: v.optional(v.string()),
  }),
  workerPath: v.string(),
  trials: v.array(ArmTrialRecordSchema),
  /** Free-form notes the run wants a reader to see (e.g. "intensive shortened to 60 s"). */
  notes: v.array(v.string()),
  /** The environment names every worker started from (optional: added after v1 shipped). */
  childEnv: v.optional(ChildEnvRecordSchema),
  status: v.optional(RunStatusSchema),
  /** Suite commit and XSched version (run-source.ts); absent in runs recorded before it. */
  source: v.optional(RunSourceSchema),
});
