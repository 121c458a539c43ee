// What a scenario must show before it may pass, and what a run must cover before it may
// become a stored baseline. Declared per catalogue entry (catalogue.ts); documented in
// docs/statistics.md ("Overall status") and docs/configuration.md.

import { VerdictKindSchema } from '../../documents/schemas/evaluation.ts';
import type { VerdictKind } from '../../documents/types/evaluation.ts';

/** Every verdict kind, in the order the verdicts are listed (perf/lib/evaluate/verdicts/run-verdicts.ts); defined by the evaluation schema. */
export const VERDICT_KINDS: readonly VerdictKind[] = VerdictKindSchema.options;

/**
 * Kinds that describe XSched on this hardware rather than this commit: required by no
 * scenario by default, and unless a scenario requires one, its fail is reported without
 * failing the scenario (losing to MPS is a finding, not a regression: docs/arms.md).
 */
export const INFORMATIONAL_KINDS: readonly VerdictKind[] = ['xsched-vs-reference'];

/** Fewer trials than this never make a baseline: two trials give a Welch interval with one degree of freedom. */
export const DEFAULT_MIN_TRIALS = 3;

export interface GateRequirements {
  /** Verdict kinds that must be judged and pass for the scenario to pass. */
  requiredVerdicts: VerdictKind[];
  /** Fewest trials a run needs to be stored as a baseline. */
  minTrials: number;
}

export const DEFAULT_GATE: GateRequirements = { requiredVerdicts: VERDICT_KINDS.filter((kind) => !INFORMATIONAL_KINDS.includes(kind)), minTrials: DEFAULT_MIN_TRIALS };

/** Whether a fail of this kind fails the scenario: always for gate kinds, only when required for informational ones. */
export function failBlocks(kind: VerdictKind, required: boolean): boolean {
  return required || !INFORMATIONAL_KINDS.includes(kind);
}

/** The kind a verdict id belongs to ("regression.xsched.hp-p99" -> "regression"); null for an id of no kind. */
export function verdictKindOf(id: string): VerdictKind | null {
  if (id === 'regression' || id.startsWith('regression.')) return 'regression';
  return VERDICT_KINDS.find((kind) => kind === id) ?? null;
}
