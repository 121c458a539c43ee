// `npm run perf:doctor`: run/doctor's host checks (perf/lib/run/doctor/run-doctor.ts), then the
// stored-baseline check, which needs the GPU the worker probed and reads the baseline store.

import type { DoctorFinding } from '../../run/doctor/finding.ts';
import type { HostView } from '../../run/doctor/host-view.ts';
import { runDoctorReport, type DoctorOptions } from '../../run/doctor/run-doctor.ts';
import { checkStoredBaselinesWith } from './stored-baseline-check.ts';

export async function runDoctorWithBaselines(host: HostView, options: DoctorOptions = {}): Promise<DoctorFinding[]> {
  // The probe and the settings the host checks got, not a second probe or settings load.
  const { findings, probe, settings } = await runDoctorReport(host, options);
  return [...findings, ...(await checkStoredBaselinesWith(host.env, settings, probe, options.cwd ?? process.cwd()))];
}
