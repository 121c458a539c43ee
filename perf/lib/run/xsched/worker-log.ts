// Which XSched scheduler a worker process ended up with, from its own stderr
// (XLOG_LEVEL=INFO; sched/src/scheduler/scheduler.cpp): "using global scheduler" is the
// one that obeys the xserver. "using app-managed scheduler" is what a missing or misspelt
// XSCHED_SCHEDULER gives, and schedules nothing; "using local scheduler with policy X"
// means XSCHED_POLICY was set and the process schedules only itself.

export type SchedulerKind = 'global' | 'local' | 'app-managed';

const SCHEDULER_LINES: Array<[RegExp, SchedulerKind]> = [
  [/using global scheduler/, 'global'],
  [/using local scheduler with policy/, 'local'],
  [/using app-managed scheduler/, 'app-managed'],
];

/** Every scheduler kind the log announces, in order of first appearance (one is normal). */
export function findSchedulerKinds(logText: string): SchedulerKind[] {
  const seen: Array<{ at: number; kind: SchedulerKind }> = [];
  for (const [pattern, kind] of SCHEDULER_LINES) {
    const at = logText.search(pattern);
    if (at >= 0) seen.push({ at, kind });
  }
  return seen.sort((a, b) => a.at - b.at).map((s) => s.kind);
}
