// Uncorrected (volatile) ECC errors: results of a GPU with uncorrectable memory errors are not
// trusted until it is reset, as in a run's own check (evaluate/validity/environment/gpu-state.ts).
// Corrected ones cost retry time: a warning.

import type { GpuState } from '../../documents/types/environment.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok, warn } from './finding.ts';

const counts = (gpus: readonly GpuState[], pick: (g: GpuState) => number | null): string =>
  gpus.filter((g) => (pick(g) ?? 0) > 0).map((g) => `${g.gpuId}: ${pick(g)}`).join('; ');

export function checkEcc(gpus: readonly GpuState[]): DoctorFinding {
  const uncorrected = counts(gpus, (g) => g.eccUncorrected);
  if (uncorrected !== '') {
    return mustFix('gpu.ecc', `uncorrected (volatile) ECC errors: ${uncorrected}`,
      'reset the GPU or reboot, and check it (nvidia-smi -q -d ECC,PAGE_RETIREMENT; amd-smi metric --ecc)');
  }
  const corrected = counts(gpus, (g) => g.eccCorrected);
  if (corrected !== '') return warn('gpu.ecc', `corrected (volatile) ECC errors: ${corrected}`, 'watch them (nvidia-smi -q -d ECC; amd-smi metric --ecc): corrected errors cost time on retry');
  const reported = gpus.some((g) => g.eccUncorrected !== null);
  return ok('gpu.ecc', reported ? 'no ECC errors' : 'the GPU reports no ECC counts (ECC off or not supported)');
}
