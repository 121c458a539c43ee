// Every baseline committed under baselines/ is read the way a run reads it: a file that no
// longer parses (a schema change, a hand edit) would otherwise surface only on a GPU host.
// And each either qualifies under today's rules (every catalogue arm, minTrials trials, the
// catalogue's workload) or is listed below and in docs/baselines.md as one that does not.

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

/** Recorded before minTrials and the arm x trial rule, or from shortened 30 s runs (docs/baselines.md). */
const NOT_QUALIFYING: Record<string, string[]> = {
  'intensive/cuda-sm_90-nvidia-h200-time-sliced.json': ['no xsched arm', 'hp-alone hp: 2 trial(s)', 'durationMs 30000 -> 180000'],
  'intensive-mps/cuda-sm_90-nvidia-h200-mps.json': ['durationMs 30000 -> 180000'],
  'standard/cuda-sm_90-nvidia-h200-time-sliced.json': ['no xsched arm', 'baseline hp: 2 trial(s)'],
  'standard-mps/cuda-sm_90-nvidia-h200-mps.json': ['no lp-alone arm', 'xsched lp: 2 trial(s)'],
};

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

  it.each(files.map((f) => [relative(root, f), f]))('%s qualifies as a baseline of its catalogue scenario, or is listed as one that does not', (name, file) => {
    const gaps = findStoredBaselineGaps(read(file)).join('; ');
    const expected = NOT_QUALIFYING[name];
    if (expected === undefined) expect(gaps).toBe('');
    else for (const gap of expected) expect(gaps).toContain(gap);
  });

  it('lists no file that is not there', () => {
    for (const name of Object.keys(NOT_QUALIFYING)) expect(files.map((f) => relative(root, f))).toContain(name);
  });
});
