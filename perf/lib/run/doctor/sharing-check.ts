// A selected scenario whose sharing mode the platform lacks (MPS on AMD, time slicing asked of
// AMD) is skipped by a run, and fails it in strict mode (suite/scenario-plan.ts): named here
// with resolveSharing's own reason.

import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { resolveSharing, SharingUnsupportedError } from '../../plan/scenarios/sharing.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix } from './finding.ts';
import type { ScenarioNeeds } from './scenario-needs.ts';

/** null when every selected scenario's sharing mode runs on this platform. */
export function checkSharingSupported(needs: ScenarioNeeds, platform: WorkerPlatform): DoctorFinding | null {
  for (const { sharing } of needs.requests) {
    try {
      resolveSharing(sharing, platform);
    } catch (error) {
      if (!(error instanceof SharingUnsupportedError)) throw error;
      const unsupported = needs.requests.filter((r) => r.sharing === sharing).map((r) => r.scenario);
      return mustFix('config.sharing', `selected ${unsupported.join(', ')}: ${error.message}`,
        'select scenarios this platform can run (PERF_SCENARIOS), or unset PERF_SHARING');
    }
  }
  return null;
}
