// One arm of one trial, from provider setup to evidence:
// skip? -> openArm -> spawn -> all READY -> afterReady -> START -> duringRun at half
// time -> DONE and exit (hang deadline: end + drain + grace) -> finish -> close.
// Failures are recorded in the returned ArmTrialRecord, never thrown; an abort stops
// every worker and returns what was recorded (the caller checks the signal).

import type { ArmSession } from '../../documents/types/arm-setup.ts';
import type { ArmTrialRecord, WorkerOutcome } from '../../documents/types/run-record.ts';
import type { Role } from '../../documents/types/scenario.ts';
import type { EnvironmentSampler } from '../environment/sampler.ts';
import { rolesForArm } from '../worker/worker-args.ts';
import type { WorkerProcess } from '../worker/worker-process.ts';
import { errorMessage, unlessAborted, type ArmTrialContext } from './arm-context.ts';
import { classifyWorkerOutcome } from './classify-outcome.ts';
import { msToNs, msUntil, nowMonotonicNs } from './monotonic-clock.ts';
import { startProgressTicker } from './progress-ticker.ts';
import { resultPathFor, spawnArmWorkers, waitUntilAllReady } from './start-workers.ts';

export async function runArmTrial(ctx: ArmTrialContext): Promise<ArmTrialRecord> {
  const { options, arm, trial } = ctx;
  const record: ArmTrialRecord = {
    arm, trial, startedAt: new Date().toISOString(), startNs: null, endNs: null,
    workers: [], skipped: null, xsched: null, sharing: null,
  };
  const skipped = options.provider.skipReason(arm, options.scenario);
  if (skipped !== null) {
    record.skipped = skipped;
    return record;
  }
  let session: ArmSession;
  try {
    session = await ctx.scenarioSession.openArm(arm, { trial, logDir: ctx.logDir });
  } catch (error) {
    record.workers = setupFailures(ctx, `arm setup (openArm) failed: ${errorMessage(error)}`);
    return record;
  }
  try {
    await runWorkers(ctx, session, record);
  } finally {
    await session.close().catch((error: unknown) => ctx.note(`${arm} trial ${trial}: session.close() threw: ${errorMessage(error)}`));
  }
  return record;
}

async function runWorkers(ctx: ArmTrialContext, session: ArmSession, record: ArmTrialRecord): Promise<void> {
  const { options, arm, trial } = ctx;
  const signal = options.signal;
  let workers: WorkerProcess[];
  try {
    workers = await spawnArmWorkers(ctx, session);
  } catch (error) {
    record.workers = setupFailures(ctx, `could not prepare the workers: ${errorMessage(error)}`);
    return;
  }
  const stopAll = (reason: 'aborted' | 'setup-failed' | 'hang', detail: string): void => {
    for (const w of workers) if (w.exit === null) void w.stopWith(reason, detail);
  };
  const onAbort = (): void => stopAll('aborted', 'the run was aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  const timers: NodeJS.Timeout[] = [];
  try {
    let started = await waitUntilAllReady(ctx, workers);
    const pids = Object.fromEntries(workers.map((w) => [w.role, w.fingerprint?.pid])) as Partial<Record<Role, number>>;
    if (started) {
      try {
        await unlessAborted(session.afterReady(pids), signal);
      } catch (error) {
        stopAll('setup-failed', `stopped before START because the arm's afterReady failed: ${errorMessage(error)}`);
      }
      started = !signal?.aborted && workers.every((w) => w.stop === null && w.exit === null);
    }
    let duringRun: Promise<unknown> = Promise.resolve();
    const sampler = started ? startSampler(ctx, workers, session) : null;
    if (started) {
      const startNs = nowMonotonicNs() + msToNs(options.startLeadMs);
      const endNs = startNs + msToNs(options.scenario.durationMs);
      record.startNs = String(startNs);
      record.endNs = String(endNs);
      for (const w of workers) w.sendStart(startNs, endNs);
      const hangAfterMs = options.drainMs + options.hangGraceMs;
      timers.push(setTimeout(
        () => stopAll('hang', `did not exit by end + drain + grace (${hangAfterMs} ms after the end instant)`),
        msUntil(endNs) + hangAfterMs,
      ));
      timers.push(setTimeout(() => {
        if (workers.some((w) => w.exit === null)) {
          duringRun = session.duringRun(pids).catch((error: unknown) => ctx.note(`${arm} trial ${trial}: duringRun failed: ${errorMessage(error)}`));
        }
      }, msUntil(startNs) + options.scenario.durationMs / 2));
      timers.push(startProgressTicker(ctx, workers, startNs, endNs));
    }
    await Promise.all(workers.map((w) => w.exited));
    for (const t of timers) clearTimeout(t);
    if (sampler !== null) record.environment = await sampler.stop();
    await unlessAborted(duringRun, signal);
    record.workers = await Promise.all(workers.map((w) => classifyWorkerOutcome(w, {
      resultPath: resultPathFor(ctx, w.role),
      startNs: record.startNs,
      endNs: record.endNs,
      startLeadMs: options.startLeadMs,
      killGraceMs: options.killGraceMs,
    })));
    if (!signal?.aborted) await gatherEvidence(ctx, session, record);
  } finally {
    for (const t of timers) clearTimeout(t);
    signal?.removeEventListener('abort', onAbort);
    // Nothing of this arm may outlive it, whatever went wrong above.
    await Promise.all(workers.map((w) => w.stopWith('aborted', 'the arm ended with the worker still running')));
  }
}

async function gatherEvidence(ctx: ArmTrialContext, session: ArmSession, record: ArmTrialRecord): Promise<void> {
  try {
    const evidence = await session.finish(record.workers);
    record.xsched = evidence.xsched;
    record.sharing = evidence.sharing;
    if (evidence.reference !== undefined) record.reference = evidence.reference;
  } catch (error) {
    ctx.note(`${ctx.arm} trial ${ctx.trial}: session.finish() failed, no evidence recorded: ${errorMessage(error)}`);
  }
}

/** The arm's environment sampler, started after READY (null when the run does not sample). */
function startSampler(ctx: ArmTrialContext, workers: WorkerProcess[], session: ArmSession): EnvironmentSampler | null {
  const platform = workers.find((w) => w.fingerprint)?.fingerprint?.platform;
  // A CPU test-mode worker (docs/workloads.md) has no GPU for the sampler's tools to read.
  if (ctx.options.environmentSampler === null || platform === undefined || platform === 'cpu') return null;
  const helperProcesses = session.helperProcesses?.() ?? [];
  return ctx.options.environmentSampler({ platform, workerPids: workers.flatMap((w) => (w.fingerprint ? [w.fingerprint.pid] : [])), ...(helperProcesses.length > 0 ? { helperProcesses } : {}) });
}

/** Workers that never started because the arm's setup failed: recorded as spawn failures. */
function setupFailures(ctx: ArmTrialContext, message: string): WorkerOutcome[] {
  return rolesForArm(ctx.arm).map((role) => ({
    ok: false,
    role,
    failure: { kind: 'spawn', message: `${role} worker: ${message}`, exitCode: null, signal: null, lastLogLines: [] },
    logPath: '',
  }));
}
