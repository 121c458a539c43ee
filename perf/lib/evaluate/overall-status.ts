// The run's overall status and its reasons. Invalid (a validity check failed) is never
// confused with a threshold failure: it beats fail, which beats inconclusive, which beats pass.
// Warnings and skips do not change the status (the caller decides what a skip means), but
// they are listed after the status-deciding reasons so that nothing is passed silently.

import type { OverallStatus, ValidityCheck, Verdict } from '../documents/types/evaluation.ts';

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' | ');

function whereOf(check: ValidityCheck): string {
  return [check.arm, check.trial === null ? null : `trial ${check.trial}`].filter((x) => x !== null).join(' ');
}

export function decideOverallStatus(checks: ValidityCheck[], verdicts: Verdict[]): { status: OverallStatus; reasons: string[] } {
  const failedChecks = checks.filter((c) => c.status === 'fail');
  const failedVerdicts = verdicts.filter((v) => v.status === 'fail');
  const inconclusive = verdicts.filter((v) => v.status === 'inconclusive');
  const checkLine = (prefix: string, c: ValidityCheck): string => oneLine(`${prefix}: [${c.id}${whereOf(c) ? ` ${whereOf(c)}` : ''}] ${c.message}`);
  const verdictLine = (prefix: string, v: Verdict): string => oneLine(`${prefix}: [${v.id}] ${v.message}`);
  const reasons = [
    ...failedChecks.map((c) => checkLine('invalid', c)),
    ...failedVerdicts.map((v) => verdictLine('fail', v)),
    ...inconclusive.map((v) => verdictLine('inconclusive', v)),
    ...checks.filter((c) => c.status === 'warn').map((c) => checkLine('warn', c)),
    ...verdicts.filter((v) => v.status === 'skip').map((v) => verdictLine('skip', v)),
  ];
  const status: OverallStatus =
    failedChecks.length > 0 ? 'invalid' : failedVerdicts.length > 0 ? 'fail' : inconclusive.length > 0 ? 'inconclusive' : 'pass';
  return { status, reasons };
}
