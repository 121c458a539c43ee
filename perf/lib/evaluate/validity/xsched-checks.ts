// Validity checks on a recorded run: the xsched arm really ran under XSched, and no
// other arm did (docs/xsched.md, "What each check proves"). Pure, so a replayed record gives the same answer.

import type { ValidityCheck } from '../../documents/types/evaluation.ts';
import type { Role } from '../../documents/types/scenario.ts';
import type { ArmTrialRecord, RunRecord } from '../../documents/types/run-record.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';
import {
  checkGlobalScheduler,
  checkPrioritySet,
  checkQueueCreated,
  checkQueueListed,
  checkRegistered,
  checkShimMapped,
  type RoleContext,
} from './xsched-role-checks.ts';
import { checkNoDefaultStream } from './xsched-stream-checks.ts';

const ROLES: Role[] = ['hp', 'lp'];

function xschedArmChecks(trial: ArmTrialRecord): ValidityCheck[] {
  const base = { arm: trial.arm, trial: trial.trial };
  if (trial.skipped !== null) {
    return [{ ...base, id: 'xsched.active', title: 'XSched was active in the xsched arm', status: 'skip', measured: {}, message: `arm skipped: ${trial.skipped}`, recommendation: null }];
  }
  const evidence = trial.xsched;
  if (evidence === null) {
    return [
      {
        ...base,
        id: 'xsched.active',
        title: 'XSched was active in the xsched arm',
        status: 'fail',
        measured: {},
        message: 'the xsched arm recorded no XSched evidence at all',
        recommendation: 'the arm ran without its XSched setup: a suite bug, report it with the run record',
      },
    ];
  }
  return ROLES.flatMap((role) => {
    const outcome = trial.workers.find((w) => w.role === role);
    const pid = evidence.workerPids?.[role] ?? (outcome?.ok ? outcome.result.fingerprint.pid : null);
    const ctx: RoleContext = { trial, role, pid, outcome, evidence };
    return [checkShimMapped(ctx), checkRegistered(ctx), checkQueueCreated(ctx), checkQueueListed(ctx), checkPrioritySet(ctx), checkGlobalScheduler(ctx), ...checkNoDefaultStream(trial, outcome)];
  });
}

function absentCheck(trial: ArmTrialRecord): ValidityCheck {
  const base = { id: 'xsched.absent', title: `no XSched in the ${trial.arm} arm`, arm: trial.arm, trial: trial.trial };
  const mapped = trial.workers.flatMap((w) =>
    w.ok && w.result.fingerprint.xschedLibraries.length > 0 ? [`${w.role} (pid ${w.result.fingerprint.pid}): ${w.result.fingerprint.xschedLibraries.join(', ')}`] : [],
  );
  const fingerprints = trial.workers.filter((w) => w.ok).length;
  const measured = { evidenceRecorded: trial.xsched !== null, workersWithXschedLibraries: mapped.length, fingerprints };
  if (trial.xsched !== null || mapped.length > 0) {
    const what = mapped.length > 0 ? `XSched libraries mapped in ${mapped.join('; ')}` : 'XSched evidence recorded for a non-xsched arm';
    return {
      ...base,
      status: 'fail',
      measured,
      message: `${what}: this arm is not native`,
      recommendation: 'something outside the suite loads XSched (a system-wide /etc/ld.so.preload, a libcuda.so.1 link to the shim in a standard directory, or a worker linked against XSched)',
    };
  }
  if (fingerprints === 0) return { ...base, status: 'skip', measured, message: 'no worker fingerprint to look at (the workers failed)', recommendation: null };
  return { ...base, status: 'pass', measured, message: `${fingerprints} worker(s) without any XSched library`, recommendation: null };
}

/** One check per proof and role for each xsched arm-trial; one absence check for every other arm-trial. */
export function xschedChecks(record: RunRecord): ValidityCheck[] {
  return record.trials.flatMap((trial) => {
    if (armSpec(trial.arm).setup === 'xsched') return xschedArmChecks(trial);
    if (trial.skipped !== null) return [];
    return [absentCheck(trial)];
  });
}
