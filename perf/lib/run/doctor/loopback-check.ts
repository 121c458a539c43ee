// The xserver listens on a loopback port: a fixed PERF_XSCHED_PORT must be free, and
// without one the suite needs some free port. The setting is read by the run's own reader
// (perf/lib/plan/config/xsched-settings.ts), so what a run accepts the doctor accepts.

import { readXschedPort } from '../../plan/config/xsched-settings.ts';
import type { DoctorFinding } from './finding.ts';
import { mustFix, ok } from './finding.ts';
import type { HostView } from './host-view.ts';

export async function checkLoopbackPort(host: HostView): Promise<DoctorFinding> {
  let configured: number | null;
  try {
    configured = readXschedPort(host.env);
  } catch (error) {
    return mustFix('port.loopback', (error as Error).message, "set a port 1-65535, or unset it (or 'auto') to pick a free port");
  }
  const port = configured ?? 0;
  if (await host.canBindLoopback(port)) return ok('port.loopback', port === 0 ? 'a free loopback port can be bound' : `127.0.0.1:${port} is free`);
  return mustFix('port.loopback', port === 0 ? 'no loopback port can be bound' : `127.0.0.1:${port} is in use`,
    port === 0 ? 'check the loopback interface (ip addr show lo)' : `stop what listens there (ss -ltnp 'sport = :${port}') or unset PERF_XSCHED_PORT`);
}
