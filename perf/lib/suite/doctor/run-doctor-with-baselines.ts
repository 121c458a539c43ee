// `npm run perf:doctor`: run/doctor's host checks (perf/lib/run/doctor/run-doctor.ts), then the
// stored-baseline check, which needs the GPU the worker probed and reads the baseline store.

import type { DoctorFinding } from '../../run/doctor/finding.ts';
import type { HostView } from '../../run/doctor/host-view.ts';
import { probeWithWorker, runDoctor, type DoctorOptions } from '../../run/doctor/run-doctor.ts';
import type { ProbeFingerprint } from '../../run/gpu/parse-probe.ts';
import { checkStoredBaselines } from './stored-baseline-check.ts';

export async function runDoctorWithBaselines(host: HostView, options: DoctorOptions = {}): Promise<DoctorFinding[]> {
  const probeGpu = options.probeGpu ?? probeWithWorker;
  // runDoctor probes at most once; the probe it got (if any) names the GPU the baselines are keyed by.
  const seen: { probe: ProbeFingerprint | null } = { probe: null };
  const findings = await runDoctor(host, {
    ...options,
    probeGpu: async (probed) => {
      const result = await probeGpu(probed);
      if (!('id' in result)) seen.probe = result.probe;
      return result;
    },
  });
  return [...findings, ...(await checkStoredBaselines(host.env, seen.probe, options.cwd))];
}
