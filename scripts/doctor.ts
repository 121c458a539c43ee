// npm run perf:doctor
// Checks this host end to end before any GPU time (perf/lib/run/doctor/) and prints one
// line per check, with what to do where something is wrong.
// Exit status: 0 when a run can succeed (warnings allowed), 1 when something must be fixed.

import { createHostView } from '../perf/lib/run/doctor/host-view.ts';
import { doctorExitCode, formatFinding } from '../perf/lib/run/doctor/finding.ts';
import { runDoctor } from '../perf/lib/run/doctor/run-doctor.ts';

export async function main(env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = console.log): Promise<number> {
  const findings = await runDoctor(createHostView(env));
  for (const finding of findings) print(formatFinding(finding));
  const code = doctorExitCode(findings);
  const counts = (status: string) => findings.filter((f) => f.status === status).length;
  print(code === 0
    ? `perf:doctor: a run can start here (${counts('ok')} ok, ${counts('warn')} warnings)`
    : `perf:doctor: fix the ${counts('fix')} FIX line(s) above before a run (${counts('ok')} ok, ${counts('warn')} warnings)`);
  return code;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
