// How the sweep verdicts (budget-verdicts.ts, frontier-regression.ts) write their numbers: lp
// loss with the verdicts' percent (verdicts/verdict-context.ts), hp P99 in ms to 0.001, and an
// lp loss budget in a verdict id.

import { percent, round3 } from '../verdicts/verdict-context.ts';

export const msText = (valueMs: number): string => `${round3(valueMs)} ms`;
/** `lp-loss-10pct` for 0.1. */
export const budgetIdPart = (lpLossBudget: number): string => `lp-loss-${percent(lpLossBudget).slice(0, -1)}pct`;
