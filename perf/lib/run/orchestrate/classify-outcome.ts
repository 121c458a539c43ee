// Turns how a worker ended (its exit, what it printed, why the suite stopped it)
// into the WorkerOutcome of the run record: ok with its validated result, or one
// failure kind with a message that says what happened and the last log lines.

import type { WorkerFailureKind, WorkerOutcome } from '../../documents/types/run-record.ts';
import { BadOutputError } from '../worker/bad-output-error.ts';
import { findWorkerErrorLine, readLastLogLines } from '../worker/read-log-tail.ts';
import { readWorkerResult } from '../worker/read-worker-result.ts';
import { describeWorkerExitCode, WORKER_EXIT } from '../worker/worker-exit-codes.ts';
import type { WorkerProcess, WorkerStop } from '../worker/worker-process.ts';

export interface OutcomeContext {
  resultPath: string;
  /** The START instants sent, or null when START was never sent. */
  startNs: string | null;
  endNs: string | null;
  startLeadMs: number;
  killGraceMs: number;
}

const KIND_BY_STOP: Record<WorkerStop['reason'], WorkerFailureKind> = {
  'never-ready': 'never-ready',
  hang: 'hang',
  aborted: 'aborted',
  'peer-failed': 'aborted',
  'setup-failed': 'aborted',
  'bad-ready': 'bad-output',
};

export async function classifyWorkerOutcome(worker: WorkerProcess, ctx: OutcomeContext): Promise<WorkerOutcome> {
  const exit = worker.exit;
  if (!exit) throw new Error(`classifyWorkerOutcome: the ${worker.role} worker has not exited yet`);
  const { role, logPath } = worker;
  const lastLogLines = await readLastLogLines(logPath, 20);
  const errorLine = findWorkerErrorLine(lastLogLines);
  const said = errorLine ? `; the worker said: ${errorLine}` : '';
  const failure = (kind: WorkerFailureKind, message: string): WorkerOutcome => ({
    ok: false,
    role,
    failure: { kind, message: `${role} worker: ${message}`, exitCode: exit.exitCode, signal: exit.signal, lastLogLines },
    logPath,
  });

  if (exit.spawnError !== null) return failure('spawn', `could not start ${worker.options.workerPath}: ${exit.spawnError}`);
  const finishedOnItsOwn = exit.exitCode === WORKER_EXIT.ok && worker.donePath !== null;
  if (worker.stop && !(worker.stop.reason === 'hang' && finishedOnItsOwn)) {
    const how = worker.stop.forced
      ? `stopped with SIGTERM, then SIGKILL after ${ctx.killGraceMs} ms`
      : 'stopped with SIGTERM and stdin EOF';
    const detail = worker.stop.reason === 'bad-ready' && worker.readyError ? worker.readyError.message : worker.stop.detail;
    return failure(KIND_BY_STOP[worker.stop.reason], `${detail}; ${how}${said}`);
  }
  if (exit.signal !== null) return failure('crash', `killed by ${exit.signal}${said}`);
  if (exit.exitCode === WORKER_EXIT.protocolError && worker.startSent) {
    return failure('late', `exited with code 6 after START: the start instant had passed when START arrived ` +
      `(the start lead of ${ctx.startLeadMs} ms was not enough; raise it with PERF_START_LEAD_MS or check host load)${said}`);
  }
  if (exit.exitCode !== WORKER_EXIT.ok) {
    const code = exit.exitCode ?? -1;
    return failure('crash', `exited with code ${code} (${describeWorkerExitCode(code)})${said || '; no error line in its log'}`);
  }
  if (!worker.fingerprint) return failure('bad-output', 'exited 0 without printing READY');
  if (!worker.startSent || ctx.startNs === null || ctx.endNs === null) return failure('bad-output', 'exited 0 before START was sent');
  if (worker.donePath === null) return failure('bad-output', `exited 0 without printing DONE${describeStray(worker)}`);
  if (worker.donePath !== ctx.resultPath) {
    return failure('bad-output', `DONE named "${worker.donePath}", but --result was "${ctx.resultPath}"`);
  }
  try {
    const result = await readWorkerResult(ctx.resultPath, { role, startNs: ctx.startNs, endNs: ctx.endNs });
    return { ok: true, role, result, logPath, readyAtNs: String(worker.readyAtNs) };
  } catch (error) {
    if (error instanceof BadOutputError) return failure('bad-output', error.message);
    throw error;
  }
}

function describeStray(worker: WorkerProcess): string {
  const stray = worker.strayStdoutLines.slice(-3);
  return stray.length === 0 ? '' : `; its last other stdout lines: ${stray.map((l) => JSON.stringify(l)).join(', ')}`;
}
