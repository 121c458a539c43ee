import { describe, expect, it } from 'vitest';
import { buildWorkerArgs, rolesForArm, streamPriorityFor } from '../../../perf/lib/run/worker/worker-args.ts';
import { makeShortScenario } from '../orchestrate/scenario-fixtures.ts';

describe('worker arguments', () => {
  it('runs one worker in the alone arms and both in the others', () => {
    expect(rolesForArm('hp-alone')).toEqual(['hp']);
    expect(rolesForArm('lp-alone')).toEqual(['lp']);
    expect(rolesForArm('baseline')).toEqual(['hp', 'lp']);
    expect(rolesForArm('xsched')).toEqual(['hp', 'lp']);
    expect(rolesForArm('stream-priority')).toEqual(['hp', 'lp']);
    expect(() => rolesForArm('bogus' as never)).toThrow('unknown arm "bogus"');
  });

  it('asks for stream priorities only in the stream-priority arm', () => {
    expect(streamPriorityFor('stream-priority', 'hp')).toBe('high');
    expect(streamPriorityFor('stream-priority', 'lp')).toBe('low');
    expect(streamPriorityFor('xsched', 'hp')).toBe('default');
    expect(streamPriorityFor('baseline', 'lp')).toBe('default');
  });

  it('builds the hp command line of trial 2 (seed 1 + 2 = 3) with an injected delay', () => {
    const scenario = makeShortScenario({ seed: 1, gpuIndex: 1 });
    const args = buildWorkerArgs({ scenario, arm: 'stream-priority', role: 'hp', trial: 2, resultPath: '/r/hp.json', drainMs: 5000, injectDelayUs: 500 });
    expect(args).toEqual([
      '--role', 'hp', '--model', 'resnet18', '--batch', '1', '--image-size', '224', '--gpu', '1', '--seed', '3',
      '--duration-ms', '300', '--stream-priority', 'high', '--drain-ms', '5000', '--result', '/r/hp.json',
      '--rate-hz', '20', '--arrival', 'uniform', '--inject-delay-us', '500',
    ]);
  });

  it('builds the lp command line without hp-only options', () => {
    const args = buildWorkerArgs({ scenario: makeShortScenario(), arm: 'baseline', role: 'lp', trial: 0, resultPath: '/r/lp.json', drainMs: 0, injectDelayUs: 500 });
    expect(args).toEqual([
      '--role', 'lp', '--model', 'resnet50', '--batch', '8', '--image-size', '224', '--gpu', '0', '--seed', '1',
      '--duration-ms', '300', '--stream-priority', 'default', '--drain-ms', '0', '--result', '/r/lp.json',
    ]);
  });

  it('refuses a role the arm does not run', () => {
    expect(() => buildWorkerArgs({ scenario: makeShortScenario(), arm: 'hp-alone', role: 'lp', trial: 0, resultPath: '/r', drainMs: 0 }))
      .toThrow('arm hp-alone runs no lp worker (it runs hp)');
  });
});
