// One line of `npm run perf:doctor`: what was checked, what was found, and, when a run
// cannot succeed as things are, the one thing to do about it.

export type FindingStatus = 'ok' | 'warn' | 'fix';

export interface DoctorFinding {
  /** Stable id, e.g. `gpu.visible`, `amd.kfd-access`, `worker.arch`. */
  id: string;
  /** ok: fine; warn: a run can succeed but will be weaker (e.g. the xsched arm untested); fix: a run cannot succeed. */
  status: FindingStatus;
  message: string;
  /** What to do; present on warn and fix. */
  fix?: string;
}

export const ok = (id: string, message: string): DoctorFinding => ({ id, status: 'ok', message });
export const warn = (id: string, message: string, fix: string): DoctorFinding => ({ id, status: 'warn', message, fix });
export const mustFix = (id: string, message: string, fix: string): DoctorFinding => ({ id, status: 'fix', message, fix });

/** Exit status of the doctor: 0 only when nothing must be fixed. */
export const doctorExitCode = (findings: readonly DoctorFinding[]): number => (findings.some((f) => f.status === 'fix') ? 1 : 0);

export function formatFinding(finding: DoctorFinding): string {
  const tag = finding.status === 'ok' ? 'ok  ' : finding.status === 'warn' ? 'warn' : 'FIX ';
  return `${tag} ${finding.id}: ${finding.message}${finding.fix ? ` -> ${finding.fix}` : ''}`;
}
