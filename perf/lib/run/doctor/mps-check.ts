// NVIDIA only: the *-mps scenarios start their own MPS control daemon (docs/sharing-modes.md).

import { findMpsControlBinary } from '../sharing/mps-binary.ts';
import type { DoctorFinding } from './finding.ts';
import { ok, warn } from './finding.ts';

export function checkMpsControl(env: NodeJS.ProcessEnv): DoctorFinding {
  try {
    return ok('nvidia.mps-control', `MPS control found: ${findMpsControlBinary(env)}`);
  } catch (error) {
    return warn('nvidia.mps-control', `${(error as Error).message}: the MPS scenarios (standard-mps, intensive-mps) cannot run`,
      'install the NVIDIA driver utilities that ship nvidia-cuda-mps-control, or set PERF_MPS_CONTROL to it');
  }
}
