// Prints saved runs as markdown, one section per run: every arm x trial (hp P50/P99, achieved
// rate, completed requests, service-time P50, lp iter/s), each arm's merged row and the
// within-run coefficient of variation of hp P99 and lp throughput, and the judged verdicts with
// their intervals. Three decimals throughout: the point is to compare runs, not to look tidy.
// Results directories copied from several machines often hold the same run twice: a run is
// printed once, from the first directory that has it.
//   npx tsx scripts/summarize-runs.ts results/ [more-results/ ...]
// Exit codes: 0 printed, 1 no complete run found, 2 bad command line.

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listRuns, loadEvaluation, loadRunRecord } from '../perf/lib/store/results/index.ts';
import type { ScenarioEvaluation, TrialStats } from '../perf/lib/documents/types/evaluation.ts';
import type { RunRecord } from '../perf/lib/documents/types/run-record.ts';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';

export interface SummarizedRun {
  record: Pick<RunRecord, 'runId' | 'notes'> & { scenario: Pick<RunRecord['scenario'], 'name' | 'durationMs' | 'trials' | 'sharing' | 'overrides'> };
  evaluation: Pick<ScenarioEvaluation, 'arms' | 'verdicts' | 'status'>;
}

const USAGE = 'usage: summarize-runs <results-dir> [<results-dir> ...]';

/** Sample standard deviation / mean; null for fewer than 2 values or a zero mean. */
export function coefficientOfVariation(values: number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return Math.sqrt(variance) / Math.abs(mean);
}

/** Complete runs (run.json + evaluation.json) under each directory, oldest first, each runId once. */
export async function collectRuns(resultsDirs: string[]): Promise<{ runs: SummarizedRun[]; warnings: string[] }> {
  const byId = new Map<string, SummarizedRun>();
  const warnings: string[] = [];
  for (const root of resultsDirs) {
    for (const entry of await listRuns(root)) {
      if (byId.has(entry.runId)) continue;
      if (!entry.hasRecord || !entry.hasEvaluation) {
        warnings.push(`${entry.dir}: skipped, it lacks ${entry.hasRecord ? 'evaluation.json (run `npm run perf:replay` on it)' : 'run.json'}`);
        continue;
      }
      byId.set(entry.runId, { record: await loadRunRecord(entry.dir), evaluation: await loadEvaluation(entry.dir) });
    }
  }
  const runs = [...byId.values()].sort((a, b) => a.record.runId.localeCompare(b.record.runId));
  return { runs, warnings };
}

const fixed = (value: number | null | undefined, digits = 3): string => (value === null || value === undefined ? '–' : value.toFixed(digits));
const percent = (fraction: number | null): string => (fraction === null ? '–' : `${(fraction * 100).toFixed(2)}%`);

function trialRow(arm: string, label: string, hp: TrialStats['hp'], lp: TrialStats['lp']): string {
  const cells = [arm, label, fixed(hp?.latencyMs.p50), fixed(hp?.latencyMs.p99), fixed(hp?.achievedRateHz, 2), hp ? String(hp.completed) : '–', fixed(hp?.serviceMs.p50), fixed(lp?.iterPerSec)];
  return `| ${cells.join(' | ')} |`;
}

/** One run as markdown: a header line, the arm x trial table, the judged verdicts. */
export function formatRunSummary(run: SummarizedRun): string {
  const { record, evaluation } = run;
  const s = record.scenario;
  const lines = [`### ${record.runId}`, '', `scenario ${s.name}, ${s.durationMs / 1000} s x ${s.trials} trial(s), ${s.sharing}, status ${evaluation.status}`];
  for (const o of s.overrides ?? []) lines.push(`override: ${o.field} ${JSON.stringify(o.catalogueValue)} -> ${JSON.stringify(o.value)} (${o.source})`);
  for (const note of record.notes.filter((n) => !n.startsWith('GPU: '))) lines.push(`note: ${note}`);
  lines.push('', '| arm | trial | hp P50 ms | hp P99 ms | hp req/s | requests | service P50 ms | lp iter/s |', '|---|---|---|---|---|---|---|---|');
  for (const arm of evaluation.arms) {
    if (arm.trials.length === 0) {
      lines.push(`| ${arm.arm} | none (skipped) | – | – | – | – | – | – |`);
      continue;
    }
    for (const t of arm.trials) lines.push(trialRow(arm.arm, `t${t.trial}`, t.hp, t.lp));
    lines.push(trialRow(arm.arm, 'merged', arm.merged.hp, arm.merged.lp));
    if (arm.trials.length > 1) {
      const p99 = arm.trials.flatMap((t) => (t.hp ? [t.hp.latencyMs.p99] : []));
      const lp = arm.trials.flatMap((t) => (t.lp ? [t.lp.iterPerSec] : []));
      lines.push(`| ${arm.arm} | CV | – | ${percent(coefficientOfVariation(p99))} | – | – | – | ${percent(coefficientOfVariation(lp))} |`);
    }
  }
  const judged = evaluation.verdicts.filter((v) => v.status !== 'skip');
  const skipped = evaluation.verdicts.length - judged.length;
  lines.push('');
  for (const v of judged) {
    const interval = v.interval ? `, ${Math.round(v.interval.level * 100)}% interval [${fixed(v.interval.low)}, ${fixed(v.interval.high)}]` : '';
    const bound = v.threshold.ratioBound === undefined ? '' : `, bound ${fixed(v.threshold.ratioBound)}`;
    lines.push(`- ${v.id}: ${v.status}, ratio ${fixed(v.measured.ratio)}${interval}${bound}`);
  }
  lines.push(`- ${skipped} verdict(s) skipped`);
  return lines.join('\n');
}

export async function main(argv: string[], io: ScriptIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { help: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    io.err(`summarize-runs: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    io.err(`summarize-runs: no results directory given\n${USAGE}`);
    return 2;
  }
  const { runs, warnings } = await collectRuns(parsed.positionals.map((dir) => resolve(io.cwd, dir)));
  for (const warning of warnings) io.err(`summarize-runs: warning: ${warning}`);
  if (runs.length === 0) {
    io.err(`summarize-runs: no complete run (run.json + evaluation.json) under ${parsed.positionals.join(', ')}`);
    return 1;
  }
  io.out(runs.map(formatRunSummary).join('\n\n'));
  return 0;
}

export const script: Script = { name: 'summarize-runs', main, errorExitCode: 1 };

runWhenInvoked(import.meta.url, script);
