// Every baseline committed under baselines/ is read the way a run reads it: a file that no
// longer parses (a schema change, a hand edit) would otherwise surface only on a GPU host.
// And each qualifies under today's rules (every catalogue arm, minTrials trials, the
// catalogue's workload): a file that does not is never committed (docs/baselines.md).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineRelativePath } from '../../../perf/lib/store/baselines/key.ts';
import { parseBaselineFile } from '../../../perf/lib/store/baselines/parse-baseline.ts';
import { findStoredBaselineGaps } from '../../../perf/lib/store/baselines/stored-baseline-gaps.ts';

const root = resolve(import.meta.dirname, '../../../baselines');
const files = readdirSync(root)
  .filter((name) => statSync(join(root, name)).isDirectory())
  .flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).map((f) => join(root, dir, f)));

const read = (file: string) => parseBaselineFile(file, JSON.parse(readFileSync(file, 'utf8')));

describe('the stored baselines', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s parses, sits at the path its key gives, and records its workload', (name, file) => {
    const baseline = read(file);
    expect(baselineRelativePath(baseline.key)).toBe(name);
    expect(baseline.workload).toBeDefined();
    // A stored xsched arm must say which XSched settings it was measured with.
    if (baseline.arms.xsched) expect(baseline.xschedSettings).toBeDefined();
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s qualifies as a baseline of its catalogue scenario', (name, file) => {
    expect(findStoredBaselineGaps(read(file))).toEqual([]);
  });

  it('a baseline of several runs qualifies run by run: a run with too few trials is named', () => {
    const quick = read(join(root, 'quick', 'cuda-sm_90-nvidia-h200-time-sliced.json'));
    expect(quick.runs?.length).toBe(45);
    const xsched = quick.arms.xsched!;
    // Drop the last trial of the fourth run from the xsched arm.
    const drop = xsched.trialRuns!.lastIndexOf(3);
    const keep = <T,>(values: T[]): T[] => values.filter((_, t) => t !== drop);
    const short = { ...quick, arms: { ...quick.arms, xsched: { ...xsched, hpP99Ms: keep(xsched.hpP99Ms), hpP50Ms: keep(xsched.hpP50Ms), hpAchievedRateHz: keep(xsched.hpAchievedRateHz), lpIterPerSec: keep(xsched.lpIterPerSec), trialRuns: keep(xsched.trialRuns!) } } };
    expect(findStoredBaselineGaps(short)).toEqual([
      `xsched hp of run ${quick.runs![3]!.runId}: 2 trial(s), fewer than minTrials 3`,
      `xsched lp of run ${quick.runs![3]!.runId}: 2 trial(s), fewer than minTrials 3`,
    ]);
  });
});
