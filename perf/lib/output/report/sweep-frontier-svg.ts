// The sweep's frontier as inline SVG, drawn in Node (docs/sweeps.md): lp loss on x, hp P99
// on a log y axis, one colour per mechanism, both intervals as whiskers, the frontier as a
// staircase through its points, hp alone as the floor. Points dominated with confidence are
// hollow; points that do not count (unproven, no data) are not drawn, the table lists them.

import type { SweepMechanism } from '../../documents/types/sweep.ts';
import type { SweepEvaluation } from '../../evaluate/sweeps/evaluate-sweep.ts';
import type { JudgedPoint } from '../../evaluate/sweeps/frontier.ts';
import { ARM_COLORS } from '../../plan/scenarios/arms.ts';
import { MECHANISM_LABELS } from '../../plan/sweeps/grid.ts';
import { escapeHtml } from './html-escape.ts';

export const MECHANISM_COLORS: Readonly<Record<SweepMechanism, string>> = {
  'xsched-lp-threshold': ARM_COLORS.xsched,
  'xsched-lp-batch': '#0b9bb5',
  'xsched-level': '#5a3fc0',
  'xsched-policy': '#2e8b57',
  'mps-lp-percent': '#e07b00',
  'cu-mask': '#b8860b',
  'stream-priority': ARM_COLORS['stream-priority'],
};

const [W, H, LEFT, RIGHT, TOP, BOTTOM] = [640, 380, 64, 150, 20, 48];
const round = (x: number): string => (Math.round(x * 10) / 10).toString();

/** 1, 2, 5 x 10^k between low and high. */
function logTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(low)); k <= Math.ceil(Math.log10(high)); k++) {
    for (const m of [1, 2, 5]) if (m * 10 ** k >= low && m * 10 ** k <= high) ticks.push(m * 10 ** k);
  }
  return ticks;
}

/** null when no point counts (nothing to draw). */
export function renderFrontierSvg(evaluation: SweepEvaluation): string | null {
  const drawn: Array<{ point: JudgedPoint; hollow: boolean }> = [
    ...evaluation.frontier.kept.map((point) => ({ point, hollow: false })),
    ...evaluation.frontier.dominated.map(({ point }) => ({ point, hollow: true })),
  ];
  if (drawn.length === 0) return null;
  const floor = evaluation.hpAloneP99Ms;
  const ys = drawn.flatMap(({ point }) => [point.hpP99Ms.low, point.hpP99Ms.high]).concat(floor === null ? [] : [floor.estimate]).filter((y) => y > 0 && Number.isFinite(y));
  const [yLow, yHigh] = [Math.min(...ys) / 1.3, Math.max(...ys) * 1.3];
  const xs = drawn.flatMap(({ point }) => [point.lpLoss.low, point.lpLoss.high]);
  const [xLow, xHigh] = [Math.min(0, ...xs), Math.max(0.05, ...xs) * 1.05];
  const x = (v: number): number => LEFT + ((v - xLow) / (xHigh - xLow)) * (W - LEFT - RIGHT);
  const y = (v: number): number => TOP + (1 - (Math.log10(Math.min(Math.max(v, yLow), yHigh)) - Math.log10(yLow)) / (Math.log10(yHigh) - Math.log10(yLow))) * (H - TOP - BOTTOM);
  const parts: string[] = [];
  for (const t of logTicks(yLow, yHigh)) parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${round(y(t))}" y2="${round(y(t))}" stroke="#e4e4e4"/><text x="${LEFT - 6}" y="${round(y(t) + 4)}" text-anchor="end" font-size="11">${t}</text>`);
  const xStep = xHigh - xLow > 0.4 ? 0.1 : xHigh - xLow > 0.15 ? 0.05 : 0.02;
  for (let t = Math.ceil(xLow / xStep) * xStep; t <= xHigh + 1e-9; t += xStep) parts.push(`<line x1="${round(x(t))}" x2="${round(x(t))}" y1="${TOP}" y2="${H - BOTTOM}" stroke="#e4e4e4"/><text x="${round(x(t))}" y="${H - BOTTOM + 16}" text-anchor="middle" font-size="11">${Math.round(t * 100)}%</text>`);
  if (floor !== null) parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${round(y(floor.estimate))}" y2="${round(y(floor.estimate))}" stroke="${ARM_COLORS['hp-alone']}" stroke-dasharray="5 4"/><text x="${W - RIGHT + 4}" y="${round(y(floor.estimate) + 4)}" font-size="11">hp alone (floor)</text>`);
  const line = evaluation.frontier.line;
  if (line.length > 1) {
    // A staircase: from each point, across at its P99 to the next point's loss, then down.
    const steps = line.flatMap((p, i) => (i === 0 ? [[p.lpLoss.estimate, p.hpP99Ms.estimate]] : [[p.lpLoss.estimate, line[i - 1]!.hpP99Ms.estimate], [p.lpLoss.estimate, p.hpP99Ms.estimate]]));
    parts.push(`<polyline fill="none" stroke="#333" stroke-width="1.5" points="${steps.map(([a, b]) => `${round(x(a!))},${round(y(b!))}`).join(' ')}"/>`);
  }
  for (const { point, hollow } of drawn) {
    const color = MECHANISM_COLORS[point.mechanism];
    const [cx, cy] = [x(point.lpLoss.estimate), y(point.hpP99Ms.estimate)];
    parts.push(
      `<g><title>${escapeHtml(`${point.id}: hp P99 ${point.hpP99Ms.estimate.toFixed(3)} ms [${point.hpP99Ms.low.toFixed(3)}, ${point.hpP99Ms.high.toFixed(3)}], lp loss ${(point.lpLoss.estimate * 100).toFixed(1)}% [${(point.lpLoss.low * 100).toFixed(1)}, ${(point.lpLoss.high * 100).toFixed(1)}]${hollow ? ' (dominated with confidence)' : ''}`)}</title>` +
        `<line x1="${round(cx)}" x2="${round(cx)}" y1="${round(y(point.hpP99Ms.low))}" y2="${round(y(point.hpP99Ms.high))}" stroke="${color}"/>` +
        `<line x1="${round(x(point.lpLoss.low))}" x2="${round(x(point.lpLoss.high))}" y1="${round(cy)}" y2="${round(cy)}" stroke="${color}"/>` +
        `<circle cx="${round(cx)}" cy="${round(cy)}" r="4.5" fill="${hollow ? 'white' : color}" stroke="${color}" stroke-width="1.5"/>` +
        `<text x="${round(cx + 6)}" y="${round(cy - 6)}" font-size="10">${escapeHtml(point.setting || MECHANISM_LABELS[point.mechanism])}</text></g>`,
    );
  }
  const mechanisms = [...new Set(drawn.map(({ point }) => point.mechanism))];
  mechanisms.forEach((m, i) => parts.push(`<circle cx="${W - RIGHT + 10}" cy="${TOP + 10 + i * 18}" r="5" fill="${MECHANISM_COLORS[m]}"/><text x="${W - RIGHT + 20}" y="${TOP + 14 + i * 18}" font-size="11">${escapeHtml(MECHANISM_LABELS[m])}</text>`));
  const axes = `<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${H - BOTTOM}" stroke="#333"/><line x1="${LEFT}" x2="${W - RIGHT}" y1="${H - BOTTOM}" y2="${H - BOTTOM}" stroke="#333"/>` +
    `<text x="${(LEFT + W - RIGHT) / 2}" y="${H - 10}" text-anchor="middle" font-size="12">lp throughput loss vs baseline</text>` +
    `<text transform="translate(16 ${(TOP + H - BOTTOM) / 2}) rotate(-90)" text-anchor="middle" font-size="12">hp P99 (ms, log scale)</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="sweep frontier: hp P99 against lp loss" font-family="sans-serif">${parts.join('')}${axes}</svg>`;
}
