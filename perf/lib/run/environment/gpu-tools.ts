// One reading of the GPU's processes and state through the vendor's tool. A tool that is
// missing, fails or prints something unparsable gives `notAvailable` with why, never a value.

import { execa } from 'execa';
import type { GpuProcess, GpuState } from '../../documents/types/environment.ts';
import type { WorkerPlatform } from '../../documents/types/fingerprint.ts';
import { parseAmdSmiMetric, parseAmdSmiProcess, parseRocmSmiPids } from './amd-smi.ts';
import { KFD_SCAN_SOURCE, scanKfdProcesses } from './kfd-scan.ts';
import { NVIDIA_APPS_ARGS, nvidiaGpuQueryArgs, parseNvidiaComputeApps, parseNvidiaGpuQuery } from './nvidia-smi.ts';

export type ToolOutput = { stdout: string } | { notAvailable: string };
export type RunTool = (tool: string, args: string[]) => Promise<ToolOutput>;

export interface Reading<T> {
  source: string;
  value: T | null;
  notAvailable: string | null;
}

export const runToolWithExeca: RunTool = async (tool, args) => {
  const result = await execa(tool, args, { reject: false, timeout: 5_000 });
  if (result.failed) {
    const why = (result as { code?: string }).code === 'ENOENT' ? `${tool} is not on PATH` : `${tool} failed (exit ${result.exitCode ?? result.signal}): ${String(result.stderr || result.stdout).trim().slice(0, 200)}`;
    return { notAvailable: `not available: ${why}` };
  }
  return { stdout: String(result.stdout) };
};

async function read<T>(run: RunTool, tool: string, args: string[], parse: (text: string) => T): Promise<Reading<T>> {
  const source = `${tool} ${args.join(' ')}`;
  const output = await run(tool, args);
  if ('notAvailable' in output) return { source, value: null, notAvailable: output.notAvailable };
  try {
    return { source, value: parse(output.stdout), notAvailable: null };
  } catch (error) {
    return { source, value: null, notAvailable: `not available: unparsable output: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The first reading that worked, else the last one with every reason joined. */
function firstAvailable<T>(readings: Reading<T>[]): Reading<T> {
  const ok = readings.find((r) => r.notAvailable === null);
  if (ok !== undefined) return ok;
  const last = readings.at(-1)!;
  return { ...last, notAvailable: readings.map((r) => r.notAvailable).join('; ') };
}

export async function readGpuProcesses(
  platform: WorkerPlatform,
  run: RunTool = runToolWithExeca,
  scanKfd: () => Promise<GpuProcess[]> = scanKfdProcesses,
): Promise<Reading<GpuProcess[]>> {
  if (platform === 'cuda') return read(run, 'nvidia-smi', NVIDIA_APPS_ARGS, parseNvidiaComputeApps);
  const amd = await read(run, 'amd-smi', ['process', '--json'], parseAmdSmiProcess);
  if (amd.notAvailable === null) return amd;
  const rocm = await read(run, 'rocm-smi', ['--showpids', '--json'], parseRocmSmiPids);
  if (rocm.notAvailable === null) return rocm;
  const scan = await scanKfd().then(
    (value) => ({ source: KFD_SCAN_SOURCE, value, notAvailable: null }),
    (error: unknown) => ({ source: KFD_SCAN_SOURCE, value: null, notAvailable: `not available: ${String(error)}` }),
  );
  return firstAvailable<GpuProcess[]>([amd, rocm, scan]);
}

type ReasonPrefix = Parameters<typeof nvidiaGpuQueryArgs>[0];

/**
 * Reads GPU state again and again with one tool: on NVIDIA, once the current throttle field
 * name failed and the old one worked, the driver is known to predate the new name, and later
 * readings ask for the old one at once rather than fail first every time (one sampler reads
 * every 2 s, run/environment/sampler.ts).
 */
export function gpuStateReader(platform: WorkerPlatform, run: RunTool = runToolWithExeca): () => Promise<Reading<GpuState[]>> {
  let knownPrefix: ReasonPrefix | null = null;
  const readNvidia = (prefix: ReasonPrefix): Promise<Reading<GpuState[]>> => read(run, 'nvidia-smi', nvidiaGpuQueryArgs(prefix), parseNvidiaGpuQuery);
  return async () => {
    if (platform !== 'cuda') return read(run, 'amd-smi', ['metric', '--json'], parseAmdSmiMetric);
    if (knownPrefix !== null) return readNvidia(knownPrefix);
    const current = await readNvidia('clocks_event_reasons');
    if (current.notAvailable === null) {
      knownPrefix = 'clocks_event_reasons';
      return current;
    }
    // Drivers before 535 know the throttle fields only under their old name.
    const old = await readNvidia('clocks_throttle_reasons');
    if (old.notAvailable === null) knownPrefix = 'clocks_throttle_reasons';
    return firstAvailable([current, old]);
  };
}

export async function readGpuState(platform: WorkerPlatform, run: RunTool = runToolWithExeca): Promise<Reading<GpuState[]>> {
  return gpuStateReader(platform, run)();
}
