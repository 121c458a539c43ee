// The doctor's port check reads PERF_XSCHED_PORT by the run's rule (readXschedPort in
// perf/lib/plan/config/xsched-settings.ts): a value the run accepts is never a FIX, and a value
// the run refuses is a FIX with the run's own message.

import { describe, expect, it } from 'vitest';
import { readXschedConfig } from '../../../perf/lib/plan/config/xsched-settings.ts';
import { checkLoopbackPort } from '../../../perf/lib/run/doctor/loopback-check.ts';
import { fakeHost } from './fake-host.ts';

/** What a run makes of the value: the port (null: pick a free one), or its error message. */
function runReading(value: string): { port: number | null } | { error: string } {
  try {
    return { port: readXschedConfig({ XSCHED_ROOT: '/opt/xsched', PERF_XSCHED_PORT: value }, 'cuda').port };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('checkLoopbackPort', () => {
  it("accepts 'auto' as a run does: a free port is picked", async () => {
    expect(runReading('auto')).toEqual({ port: null });
    expect(await checkLoopbackPort(fakeHost({ env: { PERF_XSCHED_PORT: 'auto' } }))).toEqual({ id: 'port.loopback', status: 'ok', message: 'a free loopback port can be bound' });
  });

  it('refuses a bad value with the message a run fails with', async () => {
    const finding = await checkLoopbackPort(fakeHost({ env: { PERF_XSCHED_PORT: '0' } }));
    expect(finding).toMatchObject({ status: 'fix', message: 'PERF_XSCHED_PORT="0" is not a port (1-65535): give one, or unset it (or \'auto\') to pick a free port' });
    expect(runReading('0')).toEqual({ error: finding.message });
  });

  it.each(['', ' ', 'auto', ' auto ', '50000', ' 8080 ', '1', '65535', '0', '65536', '-1', '+80', '8080x', 'abc', '1e3'])('agrees with the run on PERF_XSCHED_PORT=%j', async (value) => {
    const finding = await checkLoopbackPort(fakeHost({ env: { PERF_XSCHED_PORT: value } }));
    const run = runReading(value);
    if ('error' in run) expect(finding).toMatchObject({ status: 'fix', message: run.error });
    else expect(finding).toMatchObject({ status: 'ok', message: run.port === null ? 'a free loopback port can be bound' : `127.0.0.1:${run.port} is free` });
  });
});
