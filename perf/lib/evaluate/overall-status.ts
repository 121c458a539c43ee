// The scenario's outcome and its reasons. Invalid (a validity check failed) is never
// confused with a threshold failure. Each verdict kind is pass, fail, untested (a skip:
// arm not run, no comparable baseline, no data) or inconclusive; the outcome is
//   invalid > fail > untested > inconclusive > pass,
// where a failed verdict always fails (but an informational kind's only when required:
// gate-requirements.ts), and untested/inconclusive count only for the kinds
// the scenario requires (perf/lib/plan/scenarios/catalogue.ts). Only pass is green in CI
// (docs/statistics.md, "Overall status").

import { INFORMATIONAL_KINDS, VERDICT_KINDS, failBlocks, verdictKindOf } from '../plan/scenarios/gate-requirements.ts';
import type { OverallStatus, ValidityCheck, Verdict, VerdictKind, VerdictKindOutcome } from '../documents/types/evaluation.ts';

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' | ');

function whereOf(check: ValidityCheck): string {
  return [check.arm, check.trial === null ? null : `trial ${check.trial}`].filter((x) => x !== null).join(' ');
}

const verdictLine = (v: Verdict): string => oneLine(`[${v.id}] ${v.message}`);

/** One kind's status from its verdicts: fail > inconclusive > untested > pass. */
function decideKind(kind: VerdictKind, verdicts: Verdict[], required: boolean): VerdictKindOutcome {
  const ofKind = verdicts.filter((v) => verdictKindOf(v.id) === kind);
  const first = (status: Verdict['status']) => ofKind.filter((v) => v.status === status);
  const [failed, inconclusive, skipped] = [first('fail'), first('inconclusive'), first('skip')];
  if (ofKind.length === 0) return { kind, required, status: 'untested', reason: `no ${kind} verdict was produced` };
  if (failed.length > 0) return { kind, required, status: 'fail', reason: failed.map(verdictLine).join(' | ') };
  if (inconclusive.length > 0) return { kind, required, status: 'inconclusive', reason: inconclusive.map(verdictLine).join(' | ') };
  if (skipped.length > 0) return { kind, required, status: 'untested', reason: skipped.map(verdictLine).join(' | ') };
  return { kind, required, status: 'pass', reason: `${ofKind.length} verdict(s) passed` };
}

export interface OverallDecision {
  status: OverallStatus;
  statusReason: string;
  verdictOutcomes: VerdictKindOutcome[];
  reasons: string[];
}

export function decideOverallStatus(checks: ValidityCheck[], verdicts: Verdict[], requiredVerdicts: readonly VerdictKind[]): OverallDecision {
  // An informational kind nobody asked for and no verdict produced (no reference arm ran) has no outcome.
  const kinds = VERDICT_KINDS.filter((kind) => !INFORMATIONAL_KINDS.includes(kind) || requiredVerdicts.includes(kind) || verdicts.some((v) => verdictKindOf(v.id) === kind));
  const verdictOutcomes = kinds.map((kind) => decideKind(kind, verdicts, requiredVerdicts.includes(kind)));
  const failedChecks = checks.filter((c) => c.status === 'fail');
  const checkLine = (prefix: string, c: ValidityCheck): string => oneLine(`${prefix}: [${c.id}${whereOf(c) ? ` ${whereOf(c)}` : ''}] ${c.message}`);
  const kindLine = (o: VerdictKindOutcome): string => `${o.status}${o.required ? '' : ' (not required)'}: ${o.reason}`;
  const blocking = (status: VerdictKindOutcome['status']) =>
    verdictOutcomes.filter((o) => o.status === status && (status === 'fail' ? failBlocks(o.kind, o.required) : o.required));
  const [failed, untested, inconclusive] = [blocking('fail'), blocking('untested'), blocking('inconclusive')];
  const blockingSet = new Set([...failed, ...untested, ...inconclusive]);
  // An invalid run's verdicts are all withheld (invalid-run-verdicts.ts): the failed checks are its reasons.
  const judged = failedChecks.length === 0;
  const reasons = [
    ...failedChecks.map((c) => checkLine('invalid', c)),
    ...(judged ? [...failed, ...untested, ...inconclusive].map(kindLine) : []),
    ...checks.filter((c) => c.status === 'warn').map((c) => checkLine('warn', c)),
    ...(judged ? verdictOutcomes.filter((o) => o.status !== 'pass' && !blockingSet.has(o)).map(kindLine) : []),
  ];
  const status: OverallStatus =
    failedChecks.length > 0 ? 'invalid' : failed.length > 0 ? 'fail' : untested.length > 0 ? 'untested' : inconclusive.length > 0 ? 'inconclusive' : 'pass';
  return { status, statusReason: describeStatus(status, { failedChecks, failed, untested, inconclusive, requiredVerdicts }), verdictOutcomes, reasons };
}

function describeStatus(
  status: OverallStatus,
  found: { failedChecks: ValidityCheck[]; failed: VerdictKindOutcome[]; untested: VerdictKindOutcome[]; inconclusive: VerdictKindOutcome[]; requiredVerdicts: readonly VerdictKind[] },
): string {
  const kinds = (list: VerdictKindOutcome[]) => list.map((o) => o.kind).join(', ');
  switch (status) {
    case 'invalid':
      return `the run is invalid (${found.failedChecks.length} validity check(s) failed: ${[...new Set(found.failedChecks.map((c) => c.id))].join(', ')}); nothing was judged`;
    case 'fail':
      return `verdict failed: ${kinds(found.failed)}`;
    case 'untested':
      return `required verdict(s) not judged: ${kinds(found.untested)} (${found.untested[0]?.reason ?? ''})`;
    case 'inconclusive':
      return `required verdict(s) undecided: ${kinds(found.inconclusive)} (${found.inconclusive[0]?.reason ?? ''})`;
    case 'pass':
      return found.requiredVerdicts.length === 0
        ? 'valid run; the scenario requires no verdict'
        : `every required verdict was judged and passed: ${found.requiredVerdicts.join(', ')}`;
  }
}
