import { describe, expect, it } from 'vitest';
import { parseXserverLog } from '../../../perf/lib/run/xsched/server-log.ts';
import { findSchedulerKinds } from '../../../perf/lib/run/xsched/worker-log.ts';

// Lines as XSched 1.2.0 prints them: release builds end at the message, debug builds
// append " @ file:line"; a terminal adds colour codes.
const SERVER_LOG = [
  '[XSCHED INFO @ T 100 @ 10:00:00.000001] scheduler created with policy HPF',
  '[XSCHED INFO @ T 101 @ 10:00:01.000000] client process 4242 connected, cmdline: xsched-perf-worker --role hp ',
  '[XSCHED INFO @ T 101 @ 10:00:01.100000] XQueue (0x7f3a00001000) from process 4242 created @ local.cpp:278',
  '[XSCHED INFO @ T 101 @ 10:00:01.100001] set priority 1 for XQueue 0x7f3a00001000',
  '[XSCHED \x1b[32mINFO\x1b[0m @ T 101 @ 10:00:02.000000] client process 4343 connected, cmdline: xsched-perf-worker --role lp ',
  '[XSCHED INFO @ T 101 @ 10:00:02.100000] XQueue (0x7F3A00002000) from process 4343 created',
  '[XSCHED INFO @ T 101 @ 10:00:02.100001] CFS: set priority 0 (weight 1.00) for XQueue 0x7f3a00002000',
  '[XSCHED INFO @ T 101 @ 10:00:03.000000] set priority 3 for XQueue 0xdead',
  '[XSCHED WARN @ T 101 @ 10:00:04.000000] priority 300 not in range [-255, 255] @ hpf.cpp:54',
].join('\n');

describe('parseXserverLog', () => {
  const facts = parseXserverLog(SERVER_LOG);

  it('finds the connected pids', () => expect(facts.connectedPids).toEqual([4242, 4343]));

  it('finds created queues (hex lower-cased) and their pids', () =>
    expect(facts.queuesCreated).toEqual([
      { queue: '0x7f3a00001000', pid: 4242 },
      { queue: '0x7f3a00002000', pid: 4343 },
    ]));

  it('joins priorities to the pid of their queue; unknown queues get pid null', () =>
    expect(facts.prioritiesSet).toEqual([
      { queue: '0x7f3a00001000', priority: 1, pid: 4242 },
      { queue: '0x7f3a00002000', priority: 0, pid: 4343 },
      { queue: '0xdead', priority: 3, pid: null },
    ]));

  it('keeps WARN/ERRO lines', () => expect(facts.problems).toHaveLength(1));
});

describe('findSchedulerKinds', () => {
  it.each([
    ['[XSCHED INFO @ T 1 @ 10:00:00.000000] using global scheduler', ['global']],
    ['[XSCHED INFO @ T 1 @ 10:00:00.000000] using app-managed scheduler', ['app-managed']],
    ['[XSCHED INFO @ T 1 @ 10:00:00.000000] using local scheduler with policy HPF', ['local']],
    ['READY {...}\nno xsched here', []],
    ['using app-managed scheduler\nusing global scheduler', ['app-managed', 'global']],
  ])('%j -> %j', (log, kinds) => expect(findSchedulerKinds(log)).toEqual(kinds));
});
