// The plain provider: no XSched, no MPS. Workers get the suite's environment unchanged
// and no evidence is gathered. Arms it cannot honestly run are skipped with the reason.

import type { ArmSession, ArmSetupProvider, ScenarioSession } from '../../documents/types/arm-setup.ts';
import { armSpec } from '../../plan/scenarios/arms.ts';

export function createNativeProvider(): ArmSetupProvider {
  return {
    skipReason(arm, scenario) {
      if (armSpec(arm).setup === 'xsched') return 'the native provider has no XSched setup (use the XSched provider to run this arm)';
      if (scenario.sharing === 'mps') return 'the native provider does not start an MPS daemon (sharing "mps" needs the sharing provider)';
      return null;
    },
    async openScenario(): Promise<ScenarioSession> {
      return {
        async openArm(): Promise<ArmSession> {
          return {
            envFor: (_role, baseEnv) => ({ ...baseEnv }),
            async afterReady() {},
            async duringRun() {},
            async finish() {
              return { xsched: null, sharing: null };
            },
            async close() {},
          };
        },
        async close() {},
      };
    },
  };
}
