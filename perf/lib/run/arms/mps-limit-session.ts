// The mps-lpN reference arms (perf/lib/plan/scenarios/arms.ts): both workers are clients of
// the suite's MPS daemon, and only lp gets CUDA_MPS_ACTIVE_THREAD_PERCENTAGE. NVIDIA's MPS
// documentation (Appendix: Environment Variables) says the variable, set in a client's
// environment, limits the threads that client may use. The proof kept here is what each
// process actually received (/proc/<pid>/environ after READY); the checks in
// perf/lib/evaluate/validity/reference-checks.ts add the MPS log's client list.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArmSession } from '../../documents/types/arm-setup.ts';
import type { ReferenceEvidence } from '../../documents/types/run-record.ts';
import type { Role } from '../../documents/types/scenario.ts';
import type { SharingSession } from '../sharing/sharing-session.ts';
import { removeXschedFromEnv } from '../xsched/worker-env.ts';

export const MPS_THREAD_PERCENTAGE_VARIABLE = 'CUDA_MPS_ACTIVE_THREAD_PERCENTAGE';

/** The value of `name` in a /proc/<pid>/environ text (NUL-separated NAME=value); null when absent. */
export function readEnvironValue(environ: string, name: string): string | null {
  const entry = environ.split('\0').find((item) => item.startsWith(`${name}=`));
  return entry === undefined ? null : entry.slice(name.length + 1);
}

export interface MpsLimitSessionOptions {
  /** From the arm table's lpThreadPercent: an integer 1-100. */
  percent: number | undefined;
  xschedRoot: string | null;
  sharing: SharingSession;
  /** Where the workers' environ files are read (default /proc). */
  workerProcRoot?: string;
}

export function mpsThreadPercentSession(options: MpsLimitSessionOptions): ArmSession {
  const { percent } = options;
  if (percent === undefined || !Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new Error(`an MPS thread percentage must be an integer 1-100, got ${JSON.stringify(percent)} (perf/lib/plan/scenarios/arms.ts)`);
  }
  if (options.sharing.mode !== 'mps') {
    throw new Error(`an MPS thread-percentage arm needs sharing mode mps, the scenario runs '${options.sharing.mode}'`);
  }
  const requested = String(percent);
  const procRoot = options.workerProcRoot ?? '/proc';
  const evidence: ReferenceEvidence = { mechanism: 'mps-thread-percentage', requested, pids: {}, received: {}, readErrors: {} };
  return {
    envFor(role, baseEnv) {
      const env = options.sharing.envFor(removeXschedFromEnv(baseEnv, options.xschedRoot));
      return role === 'lp' ? { ...env, [MPS_THREAD_PERCENTAGE_VARIABLE]: requested } : env;
    },
    async afterReady(pids) {
      for (const role of Object.keys(pids) as Role[]) {
        const pid = pids[role];
        if (pid === undefined) continue;
        evidence.pids[role] = pid;
        try {
          evidence.received[role] = readEnvironValue(await readFile(join(procRoot, String(pid), 'environ'), 'utf8'), MPS_THREAD_PERCENTAGE_VARIABLE);
        } catch (error) {
          evidence.readErrors[role] = (error as Error).message;
        }
      }
    },
    duringRun: async () => undefined,
    async finish() {
      return { xsched: null, sharing: await options.sharing.evidence(), reference: evidence };
    },
    close: async () => undefined,
  };
}
