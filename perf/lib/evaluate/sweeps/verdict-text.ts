// How the sweep verdicts (budget-verdicts.ts, frontier-regression.ts) write their numbers: lp
// loss as a percentage to 0.1, hp P99 in ms to 0.001, and an lp loss budget in a verdict id.

export const percentText = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;
export const msText = (valueMs: number): string => `${Math.round(valueMs * 1000) / 1000} ms`;
/** `lp-loss-10pct` for 0.1. */
export const budgetIdPart = (lpLossBudget: number): string => `lp-loss-${Math.round(lpLossBudget * 1000) / 10}pct`;
