// Validity checks on a recorded run: every arm ran in the sharing mode the scenario
// asked for. A worker that is (or is not) an MPS client against the request measured
// something else: time-sliced and MPS contention differ by 6x in hp P99 (docs/sharing-modes.md, "Why it matters").

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { CheckVerdict as Verdict } from './check-context.ts';
import type { ArmTrialRecord, RunRecord, WorkerOutcome } from '../../documents/types/run-record.ts';
import type { SharingMode } from '../../documents/types/scenario.ts';

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

function workerModeCheck(requested: SharingMode, worker: Extract<WorkerOutcome, { ok: true }>, details: Record<string, unknown>): Verdict {
  const { mps, pid } = worker.result.fingerprint;
  const measured = { pid, mpsClient: mps.client, source: mps.source, pipeDirectory: mps.pipeDirectory };
  const who = `worker ${worker.role} (pid ${pid})`;
  if (requested === 'mps') {
    if (mps.client === false) {
      return { status: 'fail', measured, message: `'mps' was asked for but ${who} is not an MPS client (${mps.source})`, recommendation: 'the worker did not reach the suite\'s MPS daemon: check CUDA_MPS_PIPE_DIRECTORY in its log header and the daemon\'s control.log' };
    }
    if (typeof details.pipeDirectory === 'string' && mps.pipeDirectory !== null && mps.pipeDirectory !== details.pipeDirectory) {
      return { status: 'fail', measured, message: `${who} uses MPS pipe directory ${mps.pipeDirectory}, not the suite's ${details.pipeDirectory}`, recommendation: 'another MPS daemon served this worker: stop other MPS daemons on the host' };
    }
    if (mps.client === null) return { status: 'warn', measured, message: `${who} could not tell whether it is an MPS client (${mps.source}); the MPS log check decides`, recommendation: null };
    return { status: 'pass', measured, message: `${who} is an MPS client`, recommendation: null };
  }
  if (mps.client === true) {
    return { status: 'fail', measured, message: `'${requested}' was asked for but ${who} is an MPS client: the processes shared SMs at once instead`, recommendation: 'an MPS daemon served the worker: stop it (echo quit | nvidia-cuda-mps-control) before running' };
  }
  if (mps.client === null && requested === 'time-sliced') {
    return { status: 'warn', measured, message: `${who} could not tell whether it is an MPS client (${mps.source})`, recommendation: 'check that no MPS daemon runs on the host (sharing.no-mps-daemon)' };
  }
  return { status: 'pass', measured, message: `${who} is not an MPS client, as '${requested}' requires`, recommendation: null };
}

function mpsLogCheck(worker: Extract<WorkerOutcome, { ok: true }>, details: Record<string, unknown>): Verdict {
  const pid = worker.result.fingerprint.pid;
  const clients = numbers(details.clientPids);
  const measured = { pid, clientPids: clients.join(', ') || '(none)', logDirectory: String(details.logDirectory ?? '') };
  if (clients.includes(pid)) return { status: 'pass', measured, message: `the MPS log names client ${pid}`, recommendation: null };
  return {
    status: 'fail',
    measured,
    message: `the MPS logs in ${measured.logDirectory} name no client ${pid} (clients: ${measured.clientPids})`,
    recommendation: 'the worker ran outside the suite\'s MPS daemon (or in another pid namespace, where MPS logs other pids): check its CUDA_MPS_PIPE_DIRECTORY',
  };
}

function trialChecks(requested: SharingMode, trial: ArmTrialRecord): ValidityCheck[] {
  const at = { arm: trial.arm, trial: trial.trial };
  const evidence = trial.sharing;
  if (evidence === null) {
    return [{ ...at, id: 'sharing.recorded', title: 'sharing mode recorded', status: 'fail', measured: {}, message: 'the arm recorded no sharing evidence', recommendation: 'the arm ran without its sharing setup: a suite bug, report it with the run record' }];
  }
  const checks: ValidityCheck[] = [];
  if (evidence.requested !== requested) {
    checks.push({ ...at, id: 'sharing.recorded', title: 'sharing mode recorded', status: 'fail', measured: { requested, recorded: evidence.requested }, message: `the arm was set up for '${evidence.requested}', the scenario asks for '${requested}'`, recommendation: 'a suite bug: report it with the run record' });
  }
  const mpsProcesses = Array.isArray(evidence.details.mpsProcesses) ? evidence.details.mpsProcesses : [];
  if (requested === 'time-sliced') {
    const found = mpsProcesses.length > 0;
    checks.push({
      ...at,
      id: 'sharing.no-mps-daemon',
      title: 'no MPS daemon on the host',
      status: found ? 'fail' : 'pass',
      measured: { mpsProcesses: mpsProcesses.length },
      message: found ? `an MPS daemon was running at the end of the arm: ${JSON.stringify(mpsProcesses)}` : 'no MPS process was running at the end of the arm',
      recommendation: found ? 'someone started MPS during the run: stop it and run again' : null,
    });
  }
  for (const worker of trial.workers) {
    const title = `${worker.role} runs in sharing mode '${requested}'`;
    if (!worker.ok) {
      checks.push({ ...at, id: `sharing.mode.${worker.role}`, title, status: 'skip', measured: {}, message: `worker ${worker.role} reported no fingerprint (it failed)`, recommendation: null });
      continue;
    }
    checks.push({ ...at, id: `sharing.mode.${worker.role}`, title, ...workerModeCheck(requested, worker, evidence.details) });
    if (requested === 'mps') checks.push({ ...at, id: `sharing.mps-client-logged.${worker.role}`, title: `${worker.role} appears in the MPS logs`, ...mpsLogCheck(worker, evidence.details) });
  }
  return checks;
}

/** The run is invalid where the observed mode (fingerprint.mps.client, the MPS logs' clients) differs from the requested one. */
export function sharingChecks(record: RunRecord): ValidityCheck[] {
  return record.trials.filter((trial) => trial.skipped === null).flatMap((trial) => trialChecks(record.scenario.sharing, trial));
}
