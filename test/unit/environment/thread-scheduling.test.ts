import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunDelayNs, parseSwitches, readProcessCounters, schedulingWindow, trackWorkerScheduling, type ThreadCounters } from '../../../perf/lib/run/environment/thread-scheduling.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const status = (voluntary: number, involuntary: number): string =>
  `Name:\txsched-perf-wor\nState:\tS (sleeping)\nvoluntary_ctxt_switches:\t${voluntary}\nnonvoluntary_ctxt_switches:\t${involuntary}\n`;

/** A /proc tree of `threads[pid][tid] = [voluntary, involuntary, runDelayNs | null]`. */
async function writeThreads(root: string, threads: Record<number, Record<number, [number, number, number | null]>>): Promise<void> {
  await rm(root, { recursive: true, force: true });
  for (const [pid, tasks] of Object.entries(threads)) {
    for (const [tid, [v, n, delay]] of Object.entries(tasks)) {
      const dir = join(root, pid, 'task', tid);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'status'), status(v, n));
      if (delay !== null) await writeFile(join(dir, 'schedstat'), `123456 ${delay} 42\n`);
    }
  }
}

const counters = (entries: Array<[string, number, number, number | null]>): Map<string, ThreadCounters> =>
  new Map(entries.map(([tid, v, n, d]) => [tid, { voluntarySwitches: v, involuntarySwitches: n, runDelayNs: d }]));

describe('worker thread scheduling', () => {
  it('parses the switch counters and run_delay; text without them reads null', () => {
    expect(parseSwitches(status(1234, 56))).toEqual({ voluntary: 1234, involuntary: 56 });
    expect(parseSwitches('Name:\tx\nvoluntary_ctxt_switches:\t3\n')).toBeNull();
    expect(parseRunDelayNs('5000000 250000 17\n')).toBe(250_000);
    expect(parseRunDelayNs('garbled')).toBeNull();
    // A kernel without schedstat reports zeros for a thread that has run: unknown, not "no wait".
    expect(parseRunDelayNs('0 0 0\n')).toBeNull();
  });

  it('reads every thread; an unparsable or vanished one is left out, a missing schedstat is null, a gone process is null', async () => {
    const root = makeTempDir('sched');
    await writeThreads(root, { 4001: { 4001: [100, 3, 1000], 4002: [50, 7, null] } });
    await mkdir(join(root, '4001', 'task', '4003'), { recursive: true });
    await writeFile(join(root, '4001', 'task', '4003', 'status'), 'Name:\tx\n');
    // A thread that exited between the listing and the read: its folder is listed, its status is gone.
    await mkdir(join(root, '4001', 'task', '4004'), { recursive: true });
    const read = await readProcessCounters(4001, root);
    expect([...read!]).toEqual([
      ['4001', { voluntarySwitches: 100, involuntarySwitches: 3, runDelayNs: 1000 }],
      ['4002', { voluntarySwitches: 50, involuntarySwitches: 7, runDelayNs: null }],
    ]);
    expect(await readProcessCounters(4999, root)).toBeNull();
    // A process none of whose threads can be read gives no reading at all (not an empty one).
    await writeThreads(root, {});
    await mkdir(join(root, '4001', 'task', '4001'), { recursive: true });
    expect(await readProcessCounters(4001, root)).toBeNull();
  });

  it('rates per thread: a thread born in the window counts from 0, one missing from the latest counters adds nothing (never minus its lifetime)', () => {
    const first = { atMs: 1000, counters: counters([['1', 1000, 100, 5e6], ['2', 90_000, 9000, 9e9]]) };
    // Thread 2 (a long life, 9000 preemptions) exited; thread 3 started: 40 preemptions and 2 ms of waiting.
    const last = { atMs: 5000, counters: counters([['1', 3000, 180, 7e6], ['3', 400, 40, 2e6]]) };
    // Over 4 s: (80 + 40) / 4 = 30 preemptions/s, (2000 + 400) / 4 = 600 voluntary/s, (2 + 2) ms / 4 s = 1 ms/s.
    expect(schedulingWindow(77, first, last)).toEqual({ pid: 77, windowMs: 4000, involuntarySwitchesPerS: 30, voluntarySwitchesPerS: 600, runQueueWaitMsPerS: 1 });
    expect(schedulingWindow(77, first, { ...last, atMs: 1000 })).toBeNull();
    const noSchedstat = { atMs: 5000, counters: counters([['1', 3000, 180, null]]) };
    expect(schedulingWindow(77, first, noSchedstat)?.runQueueWaitMsPerS).toBeNull();
    // Thread id 2 reused by a new thread whose counters are below the old one's: counted from 0.
    const reused = { atMs: 5000, counters: counters([['2', 40, 4, 1e6]]) };
    expect(schedulingWindow(77, first, reused)).toEqual({ pid: 77, windowMs: 4000, involuntarySwitchesPerS: 1, voluntarySwitchesPerS: 10, runQueueWaitMsPerS: 0.25 });
  });

  it('tracks each worker from its own first to its own last reading, over every thread seen', async () => {
    const root = makeTempDir('sched-track');
    const tracker = trackWorkerScheduling([4001, 4002], root);
    await writeThreads(root, { 4001: { 4001: [0, 0, 1], 4005: [0, 0, 1] } });
    await tracker.read(0);
    // Thread 4005 adds 8 preemptions, then exits before the next reading: its share stays counted.
    await writeThreads(root, { 4001: { 4001: [10, 2, 1e6], 4005: [0, 8, 1] }, 4002: { 4002: [0, 0, 1] } });
    await tracker.read(1000);
    await writeThreads(root, { 4001: { 4001: [10, 4, 2e6] }, 4002: { 4002: [20, 6, 4e6] } });
    await tracker.read(2000);
    await writeThreads(root, { 4002: { 4002: [40, 12, 8e6] } });
    await tracker.read(3000);
    // 4001: 0 -> 2000 ms, then gone: (4 + 8) preemptions / 2 s; 4002: 1000 -> 3000 ms.
    expect(tracker.windows()).toEqual([
      { pid: 4001, windowMs: 2000, involuntarySwitchesPerS: 6, voluntarySwitchesPerS: 5, runQueueWaitMsPerS: 1 },
      { pid: 4002, windowMs: 2000, involuntarySwitchesPerS: 6, voluntarySwitchesPerS: 20, runQueueWaitMsPerS: 4 },
    ]);
  });

  it('reads a helper process (the xserver) as a worker, its window named', async () => {
    const root = join(makeTempDir('sched-helper-'), 'proc');
    const tracker = trackWorkerScheduling([4001], root, [{ name: 'xserver', pid: 4100 }]);
    await writeThreads(root, { 4001: { 4001: [0, 0, 0] }, 4100: { 4100: [0, 0, 0], 4101: [0, 0, 0] } });
    await tracker.read(0);
    await writeThreads(root, { 4001: { 4001: [10, 2, 2e6] }, 4100: { 4100: [30, 4, 1e6], 4101: [10, 6, 3e6] } });
    await tracker.read(2000);
    expect(tracker.windows()).toEqual([
      { pid: 4001, windowMs: 2000, involuntarySwitchesPerS: 1, voluntarySwitchesPerS: 5, runQueueWaitMsPerS: 1 },
      { pid: 4100, process: 'xserver', windowMs: 2000, involuntarySwitchesPerS: 5, voluntarySwitchesPerS: 20, runQueueWaitMsPerS: 2 },
    ]);
    // A helper named with a worker's pid never relabels the worker's window, nor doubles it.
    const same = trackWorkerScheduling([4001], root, [{ name: 'xserver', pid: 4001 }]);
    await same.read(0);
    await same.read(1000);
    expect(same.windows().map((w) => [w.pid, w.process])).toEqual([[4001, undefined]]);
  });
});
