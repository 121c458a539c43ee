// ArmSessions: the xsched arm (its own xserver, XSched's environment, its evidence)
// and every other arm (baseline hygiene), both in the scenario's sharing mode.

import type { ArmSession } from '../../documents/types/arm-setup.ts';
import type { SharingSession } from '../sharing/sharing-session.ts';
import type { XschedArm } from '../xsched/arm.ts';
import { removeXschedFromEnv } from '../xsched/worker-env.ts';

export function xschedArmSession(arm: XschedArm, sharing: SharingSession, warn: (message: string) => void): ArmSession {
  return {
    envFor: (role, baseEnv) => sharing.envFor(arm.envFor(role, baseEnv)),
    afterReady: (pids) => arm.afterReady(pids),
    duringRun: (pids) => arm.duringRun(pids),
    // hp's preemption requests pass through the xserver, so how its threads were scheduled is evidence too.
    helperProcesses: () => [{ name: 'xserver', pid: arm.xserver.pid }],
    async finish(outcomes) {
      return { xsched: await arm.finish(outcomes), sharing: await sharing.evidence() };
    },
    async close() {
      // xserver.ts registered the xserver's exit cleanup and withdraws it when stopped.
      const problem = await arm.close();
      if (problem !== null) warn(problem);
    },
  };
}

/** Any arm but xsched: no XSched variable, preload or library path reaches its workers. */
export function nativeArmSession(xschedRoot: string | null, sharing: SharingSession): ArmSession {
  return {
    envFor: (_role, baseEnv) => sharing.envFor(removeXschedFromEnv(baseEnv, xschedRoot)),
    afterReady: async () => undefined,
    duringRun: async () => undefined,
    async finish() {
      return { xsched: null, sharing: await sharing.evidence() };
    },
    close: async () => undefined,
  };
}
