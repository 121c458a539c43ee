// AMD fallback when neither amd-smi nor rocm-smi is installed: every process with an open
// /dev/kfd (the ROCm compute device) uses an AMD GPU. Only processes this user may inspect
// are seen, so the sample says so in its source.

import { readFile, readdir, readlink } from 'node:fs/promises';
import type { GpuProcess } from '../../documents/types/environment.ts';

export const KFD_SCAN_SOURCE = 'scan of /proc/*/fd for /dev/kfd (processes of other users may be unreadable)';

async function opensKfd(fdDir: string): Promise<boolean> {
  const fds = await readdir(fdDir).catch(() => [] as string[]);
  for (const fd of fds) {
    if ((await readlink(`${fdDir}/${fd}`).catch(() => '')) === '/dev/kfd') return true;
  }
  return false;
}

export async function scanKfdProcesses(procRoot = '/proc'): Promise<GpuProcess[]> {
  const pids = (await readdir(procRoot)).filter((d) => /^\d+$/.test(d)).map(Number);
  const found: GpuProcess[] = [];
  for (const pid of pids) {
    if (!(await opensKfd(`${procRoot}/${pid}/fd`))) continue;
    const cmdline = await readFile(`${procRoot}/${pid}/cmdline`, 'utf8').catch(() => '');
    found.push({ pid, command: cmdline.split('\0').filter(Boolean).join(' '), usedMemoryMiB: null, gpuId: null });
  }
  return found;
}
