// The xserver listens on a loopback port: a fixed PERF_XSCHED_PORT must be free, and
// without one the suite needs some free port.

import type { DoctorFinding } from './finding.ts';
import { mustFix, ok } from './finding.ts';
import type { HostView } from './host-view.ts';

export async function checkLoopbackPort(host: HostView): Promise<DoctorFinding> {
  const configured = (host.env.PERF_XSCHED_PORT ?? '').trim();
  const port = configured === '' ? 0 : Number(configured);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return mustFix('port.loopback', `PERF_XSCHED_PORT=${JSON.stringify(configured)} is not a port number`, 'set an integer 1024-65535, or unset it to pick a free port');
  }
  if (await host.canBindLoopback(port)) return ok('port.loopback', port === 0 ? 'a free loopback port can be bound' : `127.0.0.1:${port} is free`);
  return mustFix('port.loopback', port === 0 ? 'no loopback port can be bound' : `127.0.0.1:${port} is in use`,
    port === 0 ? 'check the loopback interface (ip addr show lo)' : `stop what listens there (ss -ltnp 'sport = :${port}') or unset PERF_XSCHED_PORT`);
}
