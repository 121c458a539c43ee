import { describe, expect, it } from 'vitest';
import { formatCpuLine, parseProcStatCpu, rankCpuLog } from '../../../scripts/bench-tests/cpu-per-file.ts';

// Fields 1-17 of /proc/<pid>/stat: pid (comm) state ppid pgrp session tty tpgid flags minflt
// cminflt majflt cmajflt utime stime cutime cstime.
const stat = (comm: string, utime: number, stime: number, cutime: number, cstime: number): string =>
  `4242 (${comm}) S 1 4242 4242 0 -1 4194560 100 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 5 0 0\n`;

describe('CPU per test file', () => {
  it('reads own (utime + stime) and children (cutime + cstime) CPU in seconds of 100 ticks', () => {
    expect(parseProcStatCpu(stat('node', 250, 50, 1200, 300))).toEqual({ ownS: 3, childrenS: 15 });
  });

  it('finds the fields after a command name holding spaces and parentheses', () => {
    expect(parseProcStatCpu(stat('a (b) c', 1, 2, 3, 4))).toEqual({ ownS: 0.03, childrenS: 0.07 });
  });

  it('says which field is not a number instead of returning NaN', () => {
    expect(() => parseProcStatCpu('4242 (node) S 1 2')).toThrow(/field 14 is not a number/);
  });

  it('ranks the logged files by own + children CPU, with paths from the root', () => {
    const log = [
      formatCpuLine({ file: '/repo/test/unit/a.test.ts', ownS: 1, childrenS: 0 }),
      formatCpuLine({ file: '/repo/test/unit/with space.test.ts', ownS: 0.25, childrenS: 8 }),
      formatCpuLine({ file: '/elsewhere/b.test.ts', ownS: 2, childrenS: 0.5 }),
    ].join('');
    expect(rankCpuLog(log, '/repo')).toEqual([
      { file: 'test/unit/with space.test.ts', ownS: 0.25, childrenS: 8 },
      { file: '/elsewhere/b.test.ts', ownS: 2, childrenS: 0.5 },
      { file: 'test/unit/a.test.ts', ownS: 1, childrenS: 0 },
    ]);
    expect(() => rankCpuLog('garbage\n', '/repo')).toThrow(/not a CPU log line: "garbage"/);
  });
});
