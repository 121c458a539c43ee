// NVIDIA compute mode: Prohibited lets no process compute; Exclusive_Process lets one process
// use the GPU, so the baseline arms' two workers cannot share it; only the MPS scenarios run
// there, where the MPS server is that one process (docs/sharing-modes.md).

import type { GpuState } from '../../documents/types/environment.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok } from './finding.ts';
import type { ScenarioNeeds } from './scenario-needs.ts';

const ID = 'gpu.compute-mode';
const SET_DEFAULT = 'sudo nvidia-smi -i <gpu> -c DEFAULT';

/** null when the tool reports no compute mode (AMD has none). */
export function checkComputeMode(gpus: readonly GpuState[], needs: ScenarioNeeds | null): DoctorFinding | null {
  const modes = gpus.filter((g) => g.computeMode !== null).map((g) => ({ gpuId: g.gpuId, mode: g.computeMode! }));
  if (modes.length === 0) return null;
  const listed = modes.map((m) => `${m.gpuId} ${m.mode}`).join('; ');
  const prohibited = modes.filter((m) => /^Prohibited/i.test(m.mode));
  if (prohibited.length > 0) return mustFix(ID, `compute mode Prohibited: no process may compute (${listed})`, SET_DEFAULT);
  const exclusive = modes.filter((m) => /^Exclusive/i.test(m.mode));
  if (exclusive.length === 0) return ok(ID, `compute mode ${listed}`);
  const blocked = needs === null ? ['every scenario but the *-mps ones'] : needs.separateProcesses;
  if (blocked.length === 0) return ok(ID, `compute mode ${listed}: fine for the selected MPS scenarios (the MPS server is the one process)`);
  return mustFix(ID, `compute mode ${listed}: one process per GPU, so the two workers of ${blocked.join(', ')} cannot share it`,
    `${SET_DEFAULT}, or select only MPS scenarios (PERF_SCENARIOS=standard-mps,intensive-mps)`);
}
