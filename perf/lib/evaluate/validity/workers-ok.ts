// Every worker of every arm-trial that ran must have succeeded: no spawn failure, crash,
// hang, missing READY, late READY, bad output or abort. A failure names the worker, the
// kind and its last log lines.

import { XSERVER_DIED_PREFIX } from '../../documents/types/run-record.ts';
import type { WorkerFailureKind } from '../../documents/types/run-record.ts';
import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import { type CheckContext, describeTrial, makeCheck, rolesOfArm } from './check-context.ts';

const ID = 'workers-ok';
const TITLE = 'Workers started, measured and exited cleanly';

const ADVICE: Record<WorkerFailureKind, string> = {
  spawn: 'Check that the worker binary exists and runs (npm run build:native; run it with --version).',
  'never-ready': 'The worker did not finish loading and warm-up in time: read its log; check free GPU memory and raise the ready timeout (PERF_READY_TIMEOUT_S, seconds) if loading is just slow.',
  late: 'A worker printed READY after the start instant was handed out: raise the start lead time, or check for a slow GPU context creation in its log.',
  crash: 'Read the worker log; docs/protocol.md lists what each exit code means.',
  hang: 'The worker did not exit after the end instant and the drain time: read its log; a GPU hang or a deadlock in the runtime are likely.',
  'bad-output': 'The worker output does not follow docs/protocol.md: rebuild the worker (npm run build:native) so suite and worker agree on the protocol version.',
  aborted: 'The run was interrupted before it finished: run it again.',
};

const LAST_LINES = 5;

export function checkWorkersOk(context: CheckContext): ValidityCheck[] {
  const failures: ValidityCheck[] = [];
  let workersSeen = 0;
  for (const trial of context.record.trials) {
    if (trial.skipped !== null) continue;
    for (const role of rolesOfArm(trial.arm)) {
      const outcome = trial.workers.find((w) => w.role === role);
      const where = `${role} worker of ${describeTrial(trial.arm, trial.trial)}`;
      if (outcome === undefined) {
        failures.push(
          makeCheck({
            id: ID,
            title: TITLE,
            status: 'fail',
            arm: trial.arm,
            trial: trial.trial,
            measured: { role },
            message: `The ${where} has no recorded outcome: it was never started or its outcome was lost.`,
            recommendation: 'This is a suite bug or an interrupted run: run again, and report it if it repeats.',
          }),
        );
        continue;
      }
      workersSeen++;
      if (outcome.ok) continue;
      const { kind, message, exitCode, signal, lastLogLines } = outcome.failure;
      const tail = lastLogLines.slice(-LAST_LINES);
      // A worker of an arm whose xserver died fails because of it (perf/lib/run/xsched/arm.ts names
      // the death in the evidence): say that first, so the cause is read before the symptom.
      const serverDeath = trial.xsched?.xqueuesError?.startsWith(XSERVER_DIED_PREFIX) ? trial.xsched.xqueuesError.split('\n')[0] ?? '' : null;
      const cause = serverDeath === null ? '' : `CONSEQUENCE of ${serverDeath.split("; the failures of this arm's workers")[0]}: `;
      failures.push(
        makeCheck({
          id: ID,
          title: TITLE,
          status: 'fail',
          arm: trial.arm,
          trial: trial.trial,
          measured: { role, kind, exitCode, signal, logPath: outcome.logPath, lastLogLines: tail.join('\n') },
          message: `${cause}The ${where} failed (${kind}${exitCode !== null ? `, exit ${exitCode}` : ''}${signal !== null ? `, signal ${signal}` : ''}): ${message}.${tail.length > 0 ? ` Last log lines: ${tail.map((l) => JSON.stringify(l)).join(' | ')}` : ''}`,
          recommendation: serverDeath === null ? `${ADVICE[kind]} Log: ${outcome.logPath}` : `Find why the xserver died (its log, in the xsched evidence); this worker only followed it. Log: ${outcome.logPath}`,
        }),
      );
    }
  }
  if (failures.length > 0) return failures;
  return [makeCheck({ id: ID, title: TITLE, status: 'pass', measured: { workers: workersSeen }, message: `All ${workersSeen} workers of the arms that ran succeeded.` })];
}
