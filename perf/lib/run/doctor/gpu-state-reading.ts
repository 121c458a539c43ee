// One reading of the GPU's state (clocks, throttle reasons, ECC, compute mode) through the
// environment sampler's tools and parsers (run/environment/gpu-tools.ts), for the state checks
// in throttle-check.ts, compute-mode-check.ts and ecc-check.ts.

import type { GpuState } from '../../documents/types/environment.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { readGpuState } from '../environment/gpu-tools.ts';
import type { DoctorFinding } from './finding.ts';
import { warn } from './finding.ts';
import { describeTarget, isTargetGpu, type GpuTarget } from './gpu-target.ts';
import type { HostView } from './host-view.ts';

export interface TargetGpuState {
  gpus: GpuState[];
  source: string;
}

export async function readTargetGpuState(host: HostView, platform: WorkerPlatform, target: GpuTarget | null): Promise<TargetGpuState | DoctorFinding> {
  const reading = await readGpuState(platform, host.runTool);
  const tool = platform === 'cuda' ? 'nvidia-smi' : 'amd-smi';
  if (reading.value === null) {
    return warn('gpu.state', `cannot read the GPU's clocks, ECC and compute mode (${reading.notAvailable}): not checked here, and a run would not check them either`, `put ${tool} on PATH`);
  }
  const matching = reading.value.filter((g) => isTargetGpu(g.gpuId, target));
  // amd-smi's index may not be HIP's (HIP_VISIBLE_DEVICES): then every GPU is checked.
  const gpus = matching.length > 0 ? matching : reading.value;
  if (gpus.length === 0) return warn('gpu.state', `${reading.source} listed no GPU, looked for ${describeTarget(target)}`, `check that ${tool} sees the GPU the worker probed`);
  return { gpus, source: reading.source };
}
