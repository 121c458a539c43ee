// The native worker: built, able to see the GPU, and built for this GPU's architecture
// (native/build.sh records the architectures in its CMake cache as XSP_GPU_ARCHS).

import { dirname, join } from 'node:path';
import type { ProbeFingerprint } from '../gpu/parse-probe.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok, warn } from './finding.ts';
import type { HostView } from './host-view.ts';

/** The architectures in a CMake cache's XSP_GPU_ARCHS line ("90" -> sm_90; "gfx90a" stays); null when absent. */
export function builtArchitectures(cmakeCache: string): string[] | null {
  const line = cmakeCache.split('\n').find((l) => l.startsWith('XSP_GPU_ARCHS:'));
  if (line === undefined) return null;
  const value = line.slice(line.indexOf('=') + 1).trim();
  if (value === '') return null;
  return value.split(/[;,]/).map((a) => a.trim()).filter((a) => a !== '').map((a) => (/^\d+[a-z]?$/.test(a) ? `sm_${a}` : a));
}

/** gfx90a:sramecc+:xnack- and gfx90a are the same target for this purpose. */
const baseArch = (arch: string): string => arch.split(':')[0] as string;

export async function checkWorkerArch(host: HostView, workerPath: string, probe: ProbeFingerprint): Promise<DoctorFinding> {
  const cachePath = join(dirname(workerPath), 'CMakeCache.txt');
  const cache = await host.readText(cachePath);
  const gpuArch = baseArch(probe.gpu.arch);
  const built = cache === null ? null : builtArchitectures(cache);
  if (built === null) {
    return warn('worker.arch', `cannot tell which architectures ${workerPath} was built for (no XSP_GPU_ARCHS in ${cachePath}); the GPU is ${gpuArch}`,
      `rebuild with npm run build:native -- --arch ${gpuArch.replace(/^sm_/, '')}`);
  }
  if (built.map(baseArch).includes(gpuArch)) return ok('worker.arch', `worker built for ${built.join(', ')}, GPU is ${gpuArch}`);
  return mustFix('worker.arch', `worker built for ${built.join(', ')}, but GPU ${probe.gpu.index} is ${gpuArch}: its kernels cannot run there`,
    `npm run build:native -- --arch ${gpuArch.replace(/^sm_/, '')}`);
}

export function describeProbe(probe: ProbeFingerprint): DoctorFinding {
  return ok('gpu.probe', `GPU ${probe.gpu.index}: ${probe.gpu.name} (${probe.gpu.arch}, ${probe.gpu.pciBusId}), ${probe.platform} runtime ${probe.runtimeVersion}, driver ${probe.driverVersion}, worker ${probe.workerVersion}`);
}
