// The benchmark's printed tables (Markdown), and whether each target is met.
import type { LpLossReplayRow, StatusCounts } from './lp-loss-replay.ts';

export const TARGETS = { aaPass: 0.95, detect: 0.9, thresholdFalseFail: 0.05 } as const;

export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export interface ArmRow {
  arm: string;
  aaFalseFail: { hp: number | null; lp: number | null };
  hpFails: Array<number | null>;
  lpFails: Array<number | null>;
}

export interface ScenarioRow {
  scenario: string;
  trials: string;
  aaAllPass: number;
  arms: ArmRow[];
  shiftSources: string;
}

const cell = (x: number | null): string => (x === null ? '–' : pct(x));

/** "yes" / "NO" for each target of one scenario; hp +20% is index 1, lp -10% index 1. */
export function targetsOf(row: ScenarioRow): string {
  const aa = row.aaAllPass >= TARGETS.aaPass ? 'yes' : 'NO';
  const hp = row.arms.every((a) => a.hpFails[1] === null || a.hpFails[1]! >= TARGETS.detect) ? 'yes' : 'NO';
  const lp = row.arms.every((a) => a.lpFails[1] === null || a.lpFails[1]! >= TARGETS.detect) ? 'yes' : 'NO';
  return `A/A ${aa}, +20% hp ${hp}, -10% lp ${lp}`;
}

export function formatRegressionTable(rows: ScenarioRow[]): string {
  const lines = [
    '| scenario | trials now / stored | arm | A/A: all 4 pass | A/A false fail hp / lp | hp P99 fails at +10 / +20 / +30% | lp fails at -5 / -10 / -20% | targets met (A/A >= 95%, fail >= 90%) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    row.arms.forEach((arm, i) => {
      lines.push(
        `| ${i === 0 ? row.scenario : ''} | ${i === 0 ? row.trials : ''} | ${arm.arm} | ${i === 0 ? pct(row.aaAllPass) : ''} | ${cell(arm.aaFalseFail.hp)} / ${cell(arm.aaFalseFail.lp)} | ` +
          `${arm.hpFails.map(cell).join(' / ')} | ${arm.lpFails.map(cell).join(' / ')} | ${i === 0 ? targetsOf(row) : ''} |`,
      );
    });
  }
  return lines.join('\n');
}

/** lp-throughput-loss replayed on recorded runs (bench-decisions/lp-loss-replay.ts): counts per outcome. */
export function formatLpLossReplay(rows: LpLossReplayRow[]): string {
  const counts = (c: StatusCounts): string => `${c.pass} / ${c.inconclusive} / ${c.fail} (${pct(c.pass / (c.pass + c.inconclusive + c.fail))} pass)`;
  const lines = [
    '| configuration | runs | each run\'s loss | allowed | alone: pass / inconclusive / fail | against another run: pass / inconclusive / fail | against all the others as one baseline of several runs |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    lines.push(`| ${row.config} | ${row.losses.length} | ${row.losses.map(pct).join(', ')} | ${pct(row.maxLoss)} | ${counts(row.alone)} | ${row.losses.length > 1 ? counts(row.pooled) : '–'} | ${row.losses.length > 2 ? counts(row.combined) : '–'} |`);
  }
  return lines.join('\n');
}
