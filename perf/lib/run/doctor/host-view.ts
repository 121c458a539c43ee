// What the doctor may look at on a host, behind one interface, so every check is tested
// on a described host (test/unit/doctor/fake-host.ts) and the real host is only touched here.

import { constants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import { execa } from 'execa';
import type { GpuProcess } from '../../documents/types/environment.ts';
import { runToolWithExeca, type RunTool } from '../environment/gpu-tools.ts';
import { scanKfdProcesses } from '../environment/kfd-scan.ts';
import { findFreePort, isPortInUse } from '../xsched/port.ts';

export interface HostView {
  env: NodeJS.ProcessEnv;
  exists(path: string): Promise<boolean>;
  /** Read and write access for this user (device nodes). */
  canReadWrite(path: string): Promise<boolean>;
  /** Entries of a directory; [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  readText(path: string): Promise<string | null>;
  /** Names of the groups this process is in. */
  groupNames(): Promise<string[]>;
  /** Whether 127.0.0.1:port can be bound now (0: any free port). */
  canBindLoopback(port: number): Promise<boolean>;
  /** The vendor tools (nvidia-smi, amd-smi, rocm-smi), as the environment sampler runs them. */
  runTool: RunTool;
  /** AMD without amd-smi or rocm-smi: processes with /dev/kfd open (run/environment/kfd-scan.ts). */
  scanKfd(): Promise<GpuProcess[]>;
}

async function accessible(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

export function createHostView(env: NodeJS.ProcessEnv = process.env): HostView {
  return {
    env,
    exists: (path) => accessible(path, constants.F_OK),
    canReadWrite: (path) => accessible(path, constants.R_OK | constants.W_OK),
    list: async (dir) => readdir(dir).catch(() => []),
    readText: async (path) => readFile(path, 'utf8').catch(() => null),
    groupNames: async () => {
      const result = await execa('id', ['-Gn'], { reject: false });
      return result.exitCode === 0 ? result.stdout.trim().split(/\s+/) : [];
    },
    // The same probe the xserver start uses (run/xsched/port.ts), so the doctor and a run agree.
    canBindLoopback: async (port) => {
      try {
        if (port === 0) await findFreePort();
        else return !(await isPortInUse(port));
        return true;
      } catch {
        return false;
      }
    },
    runTool: runToolWithExeca,
    scanKfd: () => scanKfdProcesses(),
  };
}
