// One false-fail budget for all the regression verdicts of a run: an unchanged configuration
// should pass every one of them at least `confidence` of the time, so their false-fail rates
// must sum to at most 1 - confidence. Each verdict first gets an equal share; a verdict whose
// noise is small enough to meet both targets (regression-decision.ts) uses only part of its
// share, and what it leaves goes, in equal parts, to the verdicts that cannot meet both,
// where a larger false-fail rate buys detection power.

import { type RegressionDecisionInput, decideRegression } from './regression-decision.ts';

export function allocateFalseFailRates(inputs: ReadonlyArray<Omit<RegressionDecisionInput, 'falseFailRate'>>, confidence: number): number[] {
  if (!(confidence > 0.5 && confidence < 1)) throw new RangeError(`allocateFalseFailRates needs a confidence in (0.5, 1), received ${confidence}`);
  if (inputs.length === 0) return [];
  const total = 1 - confidence;
  const share = total / inputs.length;
  const first = inputs.map((input) => decideRegression({ ...input, falseFailRate: share }));
  // An undecidable verdict (too few values) cannot fail: it spends nothing.
  const spent = first.reduce((sum, d) => sum + (d === null ? 0 : d.bothTargetsReachable ? d.falseFailRate : 0), 0);
  const needy = first.filter((d) => d !== null && !d.bothTargetsReachable).length;
  const extra = needy > 0 ? (total - spent) / needy : 0;
  return first.map((d) => (d === null ? share : d.bothTargetsReachable ? share : Math.min(extra, 0.49)));
}
