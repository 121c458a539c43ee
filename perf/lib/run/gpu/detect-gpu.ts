// Is there a GPU to run the perf specs on? With a built worker, its --probe answers
// (exit 3 = no GPU). Without one, device nodes and vendor tools give a first answer.
// `summary` is one line that says what was looked for, for the skip message.

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { allowListedEnv } from '../../process/allowed-env.ts';
import { WORKER_EXIT } from '../worker/worker-exit-codes.ts';
import { parseProbeJson, type ProbeFingerprint } from './parse-probe.ts';

export interface DetectGpuOptions {
  /** The worker binary; null or absent: no probe, device nodes and tools only. */
  workerPath?: string | null;
  gpuIndex?: number;
  /** PATH for the tool look-up and the probe's environment. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Device nodes to look for. Default: /dev/kfd (AMD) and /dev/nvidiactl (NVIDIA). */
  deviceNodes?: string[];
  /** Vendor tools to look for on PATH. Default: nvidia-smi and rocminfo. */
  tools?: string[];
  probeTimeoutMs?: number;
}

export interface GpuDetection {
  found: boolean;
  lookedFor: string[];
  summary: string;
  fingerprint?: ProbeFingerprint;
}

export async function detectGpu(options: DetectGpuOptions = {}): Promise<GpuDetection> {
  const env = options.env ?? process.env;
  const gpuIndex = options.gpuIndex ?? 0;
  if (options.workerPath) return probeWithWorker(options.workerPath, gpuIndex, env, options.probeTimeoutMs ?? 120_000);
  const lookedFor: string[] = [];
  const present: string[] = [];
  for (const node of options.deviceNodes ?? ['/dev/kfd', '/dev/nvidiactl']) {
    lookedFor.push(node);
    if (await exists(node)) present.push(node);
  }
  const tools: string[] = [];
  for (const tool of options.tools ?? ['nvidia-smi', 'rocminfo']) {
    lookedFor.push(`${tool} on PATH`);
    if (await findOnPath(tool, env.PATH ?? '')) tools.push(tool);
  }
  const toolNote = tools.length > 0 ? `; tools found: ${tools.join(', ')}` : '';
  const summary = present.length > 0
    ? `GPU device node(s) ${present.join(', ')} present${toolNote} (not probed: no worker binary given; build one with npm run build:native)`
    : `no GPU: looked for ${lookedFor.join(', ')} and found ${tools.length > 0 ? `only ${tools.join(', ')}` : 'none'} (no worker binary given to probe with)`;
  return { found: present.length > 0, lookedFor, summary };
}

async function probeWithWorker(workerPath: string, gpuIndex: number, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<GpuDetection> {
  const lookedFor = [`${workerPath} --probe --gpu ${gpuIndex}`];
  const result = await execa(workerPath, ['--probe', '--gpu', String(gpuIndex)], { env: allowListedEnv(env).env, extendEnv: false, reject: false, timeout: timeoutMs });
  const errorLine = result.stderr.split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';
  if (result.exitCode === WORKER_EXIT.noGpu) {
    return { found: false, lookedFor, summary: `no GPU: ${lookedFor[0]} exited 3 (no GPU visible): ${errorLine}` };
  }
  if (result.exitCode !== WORKER_EXIT.ok) {
    // A broken worker or a wrong index is not "no GPU": say so loudly instead of skipping.
    throw new Error(`GPU probe failed: ${lookedFor[0]}: ${result.shortMessage}${errorLine ? `; stderr: ${errorLine}` : ''}`);
  }
  const fingerprint = parseProbeJson(`output of ${lookedFor[0]}`, result.stdout.trim());
  const { gpu, platform } = fingerprint;
  return {
    found: true,
    lookedFor,
    summary: `GPU ${gpu.index}: ${gpu.name} (${gpu.arch}, ${platform}, ${gpu.pciBusId}) found by ${lookedFor[0]}`,
    fingerprint,
  };
}

/** Whether an executable `tool` is in one of the directories of `pathVariable`. */
export async function findOnPath(tool: string, pathVariable: string): Promise<boolean> {
  for (const dir of pathVariable.split(delimiter).filter((d) => d !== '')) {
    if (await exists(join(dir, tool), constants.X_OK)) return true;
  }
  return false;
}

async function exists(path: string, mode = constants.F_OK): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}
