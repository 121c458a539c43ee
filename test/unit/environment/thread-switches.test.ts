import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseThreadSwitches, readProcessSwitches, switchesWindow } from '../../../perf/lib/run/environment/thread-switches.ts';
import { readCpuTicks } from '../../../perf/lib/run/environment/host-cpu.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const status = (voluntary: number, involuntary: number): string =>
  `Name:\txsched-perf-wor\nState:\tS (sleeping)\nvoluntary_ctxt_switches:\t${voluntary}\nnonvoluntary_ctxt_switches:\t${involuntary}\n`;

async function fakeProc(threads: Record<number, Record<number, [number, number]>>): Promise<string> {
  const root = makeTempDir('switches');
  await writeFile(join(root, 'stat'), 'cpu  10 0 0 90 0 0 0 0 0 0\ncpu0 0\n');
  for (const [pid, tasks] of Object.entries(threads)) {
    await mkdir(join(root, pid), { recursive: true });
    // utime 7 + stime 3 ticks.
    await writeFile(join(root, pid, 'stat'), `${pid} (w) S 1 2 3 4 5 6 7 8 9 10 7 3 0 0`);
    for (const [tid, [v, n]] of Object.entries(tasks)) {
      await mkdir(join(root, pid, 'task', tid), { recursive: true });
      await writeFile(join(root, pid, 'task', tid, 'status'), status(v, n));
    }
  }
  return root;
}

describe('worker thread context switches', () => {
  it('parses the two counters of a status text and refuses a text without them', () => {
    expect(parseThreadSwitches(status(1234, 56))).toEqual({ voluntary: 1234, involuntary: 56 });
    expect(() => parseThreadSwitches('Name:\tx\n')).toThrow(/no voluntary_ctxt_switches line/);
  });

  it('sums every thread of a process; a process that is gone reads null', async () => {
    const root = await fakeProc({ 4001: { 4001: [100, 3], 4002: [50, 7], 4003: [0, 0] } });
    expect(await readProcessSwitches(4001, root)).toEqual({ voluntary: 150, involuntary: 10 });
    expect(await readProcessSwitches(4999, root)).toBeNull();
  });

  it('readCpuTicks reads them for the worker pids only', async () => {
    const root = await fakeProc({ 4001: { 4001: [100, 3] }, 4002: { 4002: [9, 9] } });
    const ticks = await readCpuTicks([4001, 4002], 0, root, [4001]);
    expect([...ticks.switches]).toEqual([[4001, { voluntary: 100, involuntary: 3 }]]);
    expect(ticks.perPid.get(4002)).toBe(10);
  });

  it('per second between readings, for pids read at both; a count that fell (a thread exited) is clamped at 0', () => {
    const first = new Map([[1, { voluntary: 0, involuntary: 0 }], [2, { voluntary: 500, involuntary: 40 }], [3, { voluntary: 1, involuntary: 1 }]]);
    const last = new Map([[1, { voluntary: 2000, involuntary: 150 }], [2, { voluntary: 400, involuntary: 20 }]]);
    // 150 involuntary switches over 4 s: 37.5/s.
    expect(switchesWindow(first, last, 4000)).toEqual([
      { pid: 1, involuntaryPerS: 37.5, voluntaryPerS: 500 },
      { pid: 2, involuntaryPerS: 0, voluntaryPerS: 0 },
    ]);
    expect(switchesWindow(first, last, 0)).toEqual([]);
  });
});
