// npm run perf:doctor
// Checks this host end to end before any GPU time (perf/lib/run/doctor/), and whether each
// selected scenario has a comparable stored baseline (perf/lib/suite/doctor/); prints one
// line per check, with what to do where something is wrong.
// Exit status: 0 when a run can start (warnings allowed), 1 when something must be fixed.

import { createHostView } from '../perf/lib/run/doctor/host-view.ts';
import { doctorExitCode, formatFinding } from '../perf/lib/run/doctor/finding.ts';
import { runDoctorWithBaselines } from '../perf/lib/suite/doctor/run-doctor-with-baselines.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

async function main(_argv: string[], io: ScriptIo): Promise<number> {
  const findings = await runDoctorWithBaselines(createHostView(io.env));
  for (const finding of findings) io.out(formatFinding(finding));
  const code = doctorExitCode(findings);
  const count = (status: string) => findings.filter((f) => f.status === status).length;
  io.out(code === 0
    ? `perf:doctor: a run can start here (${count('ok')} ok, ${count('warn')} warnings)`
    : `perf:doctor: fix the ${count('fix')} FIX line(s) above before a run (${count('ok')} ok, ${count('warn')} warnings)`);
  return code;
}

export const script: Script = { name: 'perf:doctor', main, errorExitCode: 2 };

runWhenInvoked(import.meta.url, script);
