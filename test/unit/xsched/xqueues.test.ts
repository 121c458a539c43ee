import { describe, expect, it } from 'vitest';
import { countQueuesByPid, parseXqueuesBody } from '../../../perf/lib/run/xsched/xqueues.ts';

describe('parseXqueuesBody', () => {
  // 0xaf246296bbdf3260 = 12620320455335555680, beyond 2^53: JSON.parse alone would round it.
  const body =
    '{"processes":[{"cmdline":"w --role hp ","pid":11},{"cmdline":"w --role lp ","pid":12}],' +
    '"xqueues":[{"batch_size":8,"device":4318,"handle":12620320455335555680,"level":1,"pid":11,"ready":true,"suspended":false,"threshold":16},' +
    '{"batch_size":2,"device":4318,"handle":4096,"level":1,"pid":12,"ready":false,"suspended":true,"threshold":4},' +
    '{"batch_size":2,"device":4318,"handle":8192,"level":1,"pid":12,"ready":false,"suspended":false,"threshold":4}]}';

  it('keeps 64-bit handles exact, as hex like the log', () => {
    const snapshot = parseXqueuesBody(body, 'now');
    expect(snapshot.xqueues[0]?.handle).toBe('0xaf246296bbdf3260');
    expect(snapshot.xqueues[1]).toMatchObject({ handle: '0x1000', pid: 12, threshold: 4, batch_size: 2, suspended: true });
    expect(snapshot.processes).toEqual([
      { pid: 11, cmdline: 'w --role hp ' },
      { pid: 12, cmdline: 'w --role lp ' },
    ]);
  });

  it('counts queues per pid', () => {
    expect([...countQueuesByPid(parseXqueuesBody(body))]).toEqual([
      [11, 1],
      [12, 2],
    ]);
    expect(countQueuesByPid(null).size).toBe(0);
  });

  it('rejects a body without the two arrays, quoting it', () => {
    expect(() => parseXqueuesBody('{"xqueues":[]}')).toThrow('without "processes" and "xqueues" arrays: "{\\"xqueues\\":[]}"');
    expect(() => parseXqueuesBody('<html>')).toThrow('did not answer JSON');
  });
});
