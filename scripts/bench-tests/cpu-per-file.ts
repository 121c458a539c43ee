// CPU per unit test file, for `npm run bench:tests -- --cpu`: test/setup/cpu-per-file.ts reads
// /proc/self/stat in the Vitest worker before and after each file and appends one line; this
// module parses those readings and ranks the files. "children" is the CPU of the processes the
// file started and reaped (nested Vitest, Chromium, PyTorch, workers): on 2026-11-30 they were
// most of the unit project's CPU (docs/benchmarks.md).

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU in ticks of 1/100 s on every architecture the suite runs on. */
const TICKS_PER_SECOND = 100;

export interface CpuReading {
  ownS: number;
  childrenS: number;
}

/** utime + stime and cutime + cstime of one /proc/<pid>/stat text, in seconds. */
export function parseProcStatCpu(stat: string): CpuReading {
  // The command name (field 2) is in parentheses and may hold spaces or ')': fields resume after the last ') '.
  const rest = stat.slice(stat.lastIndexOf(') ') + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state); utime, stime, cutime, cstime are fields 14-17.
  const field = (n: number): number => {
    const value = Number(rest[n - 3]);
    if (!Number.isFinite(value)) throw new Error(`/proc stat field ${n} is not a number in ${JSON.stringify(stat.slice(0, 120))}`);
    return value;
  };
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
    const file = (match[3] as string).startsWith(prefix) ? (match[3] as string).slice(prefix.length) : (match[3] as string);
    return { file, ownS: Number(match[1]), childrenS: Number(match[2]) };
  }).sort((a, b) => b.ownS + b.childrenS - (a.ownS + a.childrenS));
}
