// NVIDIA only: the *-mps scenarios start their own MPS control daemon (docs/sharing-modes.md),
// so the binary must be there when one of them is selected; otherwise its absence only means
// those scenarios cannot be selected later.

import { findMpsControlBinary } from '../sharing/mps-binary.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok, warn } from './finding.ts';
import type { ScenarioNeeds } from './scenario-needs.ts';

const FIX = 'install the NVIDIA driver utilities that ship nvidia-cuda-mps-control, or set PERF_MPS_CONTROL to it';

export function checkMpsControl(env: NodeJS.ProcessEnv, needs: ScenarioNeeds | null): DoctorFinding {
  try {
    return ok('nvidia.mps-control', `MPS control found: ${findMpsControlBinary(env)}`);
  } catch (error) {
    const message = (error as Error).message;
    if (needs !== null && needs.mps.length > 0) return mustFix('nvidia.mps-control', `${message}: the selected scenario(s) ${needs.mps.join(', ')} run under MPS`, FIX);
    return warn('nvidia.mps-control', `${message}: the MPS scenarios (standard-mps, intensive-mps, intensive-30s-mps) cannot run`, FIX);
  }
}
