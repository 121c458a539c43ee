// CPU lists as Linux writes them ("0-3,8"): parsed from PERF_CPUS, /proc/<pid>/status and
// /sys/bus/pci/devices/*/local_cpulist, and given to taskset, which starts a child on them.
// Why children are pinned at all: docs/configuration.md (PERF_CPUS) and docs/gpu-results.md
// section 13 (XSched's hp tail moved between runs until its processes ran on fixed CPUs).

const RANGE = /^(\d+)(?:-(\d+))?$/;

/** Sorted distinct CPU numbers of a list such as "0-3,8"; undefined for anything else (empty, "3-1", "a"). */
export function parseCpuList(raw: string): number[] | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const cpus = new Set<number>();
  for (const part of text.split(',')) {
    const match = RANGE.exec(part.trim());
    if (match === null) return undefined;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first || last - first > 4096) return undefined;
    for (let cpu = first; cpu <= last; cpu += 1) cpus.add(cpu);
  }
  return [...cpus].sort((a, b) => a - b);
}

/** [0, 1, 2, 3, 8] -> "0-3,8". */
export function formatCpuList(cpus: readonly number[]): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j += 1;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The command that starts `file` on `cpus`: taskset sets the affinity and execs the child in the
 * same process (same pid, so stops and cleanup see the child itself). LD_PRELOAD (XSched's HIP
 * shim, the xserver's loopback guard: perf/lib/run/xsched/worker-env.ts) is handed on through
 * env(1), so that it is loaded by the child only, not by taskset on its way. Unchanged without CPUs.
 */
export function pinnedCommand(
  file: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cpus: readonly number[] | null | undefined,
): { file: string; args: string[]; env: Record<string, string> } {
  if (cpus === null || cpus === undefined || cpus.length === 0) return { file, args: [...args], env: { ...env } };
  const { LD_PRELOAD: preload, ...rest } = env;
  const child = preload === undefined ? [file, ...args] : ['env', `LD_PRELOAD=${preload}`, file, ...args];
  return { file: 'taskset', args: ['--cpu-list', formatCpuList(cpus), ...child], env: rest };
}
