// Before any GPU time no process may use the GPU: every arm-trial would measure it too, and
// the run's own check (evaluate/validity/environment/foreign-gpu-process.ts) would then set
// the trials aside after the GPU time was spent. The suite's workers have not started yet,
// so every process listed is foreign, a leftover MPS server included.

import type { GpuProcess } from '../../documents/types/environment.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { readGpuProcesses } from '../environment/gpu-tools.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok, warn } from './finding.ts';
import { describeTarget, isTargetGpu, type GpuTarget } from './gpu-target.ts';
import type { HostView } from './host-view.ts';

const ID = 'gpu.foreign-processes';

const describe = (p: GpuProcess): string =>
  `pid ${p.pid} "${p.command}"${p.usedMemoryMiB === null ? '' : ` (${Math.round(p.usedMemoryMiB)} MiB)`}`;

export async function checkForeignProcesses(host: HostView, platform: WorkerPlatform, target: GpuTarget | null): Promise<DoctorFinding> {
  const reading = await readGpuProcesses(platform, host.runTool, host.scanKfd);
  if (reading.value === null) {
    return warn(ID, `cannot list the GPU's processes (${reading.notAvailable}): a run would not see other work on the GPU either`,
      platform === 'cuda' ? 'put nvidia-smi on PATH' : 'put amd-smi (or rocm-smi) on PATH');
  }
  const foreign = reading.value.filter((p) => isTargetGpu(p.gpuId, target));
  const where = describeTarget(target);
  if (foreign.length === 0) return ok(ID, `no process uses ${where} (${reading.source})`);
  const pids = foreign.map((p) => p.pid).join(' ');
  const mps = foreign.some((p) => p.command.endsWith('nvidia-cuda-mps-server'));
  return mustFix(ID, `${foreign.length} process(es) already use ${where}: ${foreign.map(describe).join('; ')}; every arm-trial would measure them too`,
    `stop them (kill ${pids})${mps ? ', an MPS daemon with: echo quit | nvidia-cuda-mps-control' : ''}, or choose a GPU nobody uses with PERF_GPU`);
}
