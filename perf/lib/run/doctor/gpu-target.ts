// Which readings of the vendor tools are the GPU a run would use. The worker's probe names it
// (NVIDIA: its UUID, as nvidia-smi prints it; AMD: amd-smi's GPU index); without a probe, or a
// reading that names no GPU (rocm-smi, the /dev/kfd scan), every GPU counts, so nothing is missed.

import type { ProbeFingerprint } from '../gpu/parse-probe.ts';

export interface GpuTarget {
  uuid: string | null;
  index: number;
}

export const targetOf = (probe: ProbeFingerprint | null): GpuTarget | null =>
  probe === null ? null : { uuid: probe.gpu.uuid || null, index: probe.gpu.index };

export function isTargetGpu(gpuId: string | null, target: GpuTarget | null): boolean {
  if (gpuId === null || target === null) return true;
  if (gpuId.startsWith('GPU-')) return target.uuid === null || gpuId === target.uuid;
  return gpuId === String(target.index);
}

export const describeTarget = (target: GpuTarget | null): string =>
  target === null ? 'any GPU (the worker did not probe one)' : `GPU ${target.index}${target.uuid ? ` (${target.uuid})` : ''}`;
