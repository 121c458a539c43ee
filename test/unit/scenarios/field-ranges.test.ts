// A scenario field's range is defined once (perf/lib/plan/scenarios/field-ranges.ts): a
// declaration (checkDeclaration) and its PERF_* override (loadSettings) accept the same values
// and refuse the same ones, saying the same thing about what is accepted.

import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { SettingsError } from '../../../perf/lib/plan/config/settings.ts';
import { declarationOfEntry } from '../../../perf/lib/plan/scenarios/declaration.ts';
import { checkDeclaration } from '../../../perf/lib/plan/scenarios/declaration-checks.ts';
import { getCatalogueEntry } from '../../../perf/lib/plan/scenarios/catalogue.ts';
import * as ranges from '../../../perf/lib/plan/scenarios/field-ranges.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

type Declared = Record<string, unknown>;

const same = (v: number): number => v;
/** [field path in a declaration, the variable overriding it, its range, the declared field's range, declared value of a variable's value]. */
const SHARED: Array<[string, string, ranges.ValueRange, ranges.ValueRange, (value: number) => number]> = [
  ['batch.hp', 'PERF_HP_BATCH', ranges.BATCH_RANGE, ranges.BATCH_RANGE, same],
  ['batch.lp', 'PERF_LP_BATCH', ranges.BATCH_RANGE, ranges.BATCH_RANGE, same],
  ['rates.hpHz', 'PERF_HP_RATE_HZ', ranges.HP_RATE_HZ_RANGE, ranges.HP_RATE_HZ_RANGE, same],
  ['imageSize', 'PERF_IMAGE_SIZE', ranges.IMAGE_SIZE_RANGE, ranges.IMAGE_SIZE_RANGE, same],
  ['trials', 'PERF_TRIALS', ranges.TRIALS_RANGE, ranges.TRIALS_RANGE, same],
  ['gpuIndex', 'PERF_GPU', ranges.GPU_INDEX_RANGE, ranges.GPU_INDEX_RANGE, same],
  ['seed', 'PERF_SEED', ranges.SEED_RANGE, ranges.SEED_RANGE, same],
  ['durationMs', 'PERF_DURATION_S', ranges.DURATION_S_RANGE, ranges.DURATION_MS_RANGE, (seconds) => seconds * 1000],
];

/** The quick scenario as a declaration with one field set (budgetMs dropped: quick gives trials). */
function declaredWith(path: string, value: number): Declared {
  const declaration = structuredClone(declarationOfEntry(getCatalogueEntry('quick'))) as unknown as Declared;
  delete declaration.budgetMs;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((o, k) => o[k] as Declared, declaration);
  parent[keys.at(-1)!] = value;
  return declaration;
}

function declarationProblems(path: string, value: number): string[] {
  // Range problems only: the coherence checks (a schedule with no request) run when there are none.
  return checkDeclaration(declaredWith(path, value) as never).filter((p) => p.startsWith(`${path}=`));
}

function settingProblems(name: string, value: number): string[] {
  try {
    loadSettings({ [name]: String(value) }, makeTempDir('ranges-'));
    return [];
  } catch (error) {
    return (error as SettingsError).problems;
  }
}

describe('scenario field ranges', () => {
  it.each(SHARED)('%s and %s accept the ends of the range and refuse what is past them', (path, name, range, declaredRange, declared) => {
    const step = range.kind === 'integer' ? 1 : 0.5;
    const lowest = range.kind === 'integer' ? range.min : range.min + step;
    for (const value of [lowest, range.max]) {
      expect(settingProblems(name, value), `${name}=${value}`).toEqual([]);
      expect(declarationProblems(path, declared(value)), `${path}=${declared(value)}`).toEqual([]);
    }
    for (const value of [lowest - step, range.max + step]) {
      expect(settingProblems(name, value)).toEqual([`${name}="${value}": expected ${range.accepted}`]);
      expect(declarationProblems(path, declared(value))).toEqual([`${path}=${declared(value)}: expected ${declaredRange.accepted}`]);
    }
  });

  it('a declared duration is the variable\'s range in milliseconds, and both messages keep their words', () => {
    expect(ranges.DURATION_MS_RANGE).toMatchObject({ min: 1, max: ranges.DURATION_S_RANGE.max * 1000, accepted: 'milliseconds: an integer >= 1 and <= 3600000' });
    expect(ranges.DURATION_S_RANGE.accepted).toBe('a number of seconds > 0 and <= 3600');
    expect(declarationProblems('batch.lp', 0)).toEqual(['batch.lp=0: expected an integer >= 1 and <= 4096']);
    expect(declarationProblems('seed', -1)).toEqual(['seed=-1: expected an integer >= 0 and <= 9007199254740991']);
  });
});
