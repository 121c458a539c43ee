// CPU per unit test file, for `npm run bench:tests -- --cpu`: test/setup/cpu-per-file.ts reads
// /proc/self/stat in the Vitest worker before and after each file and appends one line; this
// module parses those readings and ranks the files. "children" is the CPU of the processes the
// file started and reaped (nested Vitest, Chromium, PyTorch, workers): on 2026-11-30 they were
// most of the unit project's CPU (docs/benchmarks.md).

import { pidStatFields } from '../../perf/lib/run/environment/host-cpu.ts';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU in ticks of 1/100 s on every architecture the suite runs on. */
const TICKS_PER_SECOND = 100;

export interface CpuReading {
  ownS: number;
  childrenS: number;
}

/** utime + stime and cutime + cstime of one /proc/<pid>/stat text, in seconds. */
export function parseProcStatCpu(stat: string): CpuReading {
  const field = pidStatFields(stat);
  return { ownS: (field(14) + field(15)) / TICKS_PER_SECOND, childrenS: (field(16) + field(17)) / TICKS_PER_SECOND };
}

export interface FileCpu {
  file: string;
  ownS: number;
  childrenS: number;
}

/** One log line: own and children CPU seconds, then the file's path (which may hold spaces). */
export function formatCpuLine(entry: FileCpu): string {
  return `${entry.ownS.toFixed(2)} ${entry.childrenS.toFixed(2)} ${entry.file}\n`;
}

/** The log's files, most CPU (own + children) first, paths relative to `root`. */
export function rankCpuLog(text: string, root: string): FileCpu[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => {
    const match = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (.+)$/.exec(line);
    if (match === null) throw new Error(`not a CPU log line: ${JSON.stringify(line)}`);
    const path = match[3] as string;
    return { file: path.startsWith(prefix) ? path.slice(prefix.length) : path, ownS: Number(match[1]), childrenS: Number(match[2]) };
  }).sort((a, b) => b.ownS + b.childrenS - (a.ownS + a.childrenS));
}
