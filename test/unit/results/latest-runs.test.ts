import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLatestRuns, recordLatestRun } from '../../../perf/lib/store/results/latest-runs.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const newRoot = () => makeTempDir('latest-');

describe('results/latest.json', () => {
  it('collects the runs of one invocation and starts over for the next', async () => {
    const root = newRoot();
    await recordLatestRun(root, join(root, 'run-a'), 'invocation-1');
    await recordLatestRun(root, join(root, 'run-b'), 'invocation-1');
    await recordLatestRun(root, join(root, 'run-a'), 'invocation-1');
    expect(await readLatestRuns(root)).toEqual([join(root, 'run-b'), join(root, 'run-a')]);
    await recordLatestRun(root, join(root, 'run-c'), 'invocation-2');
    expect(await readLatestRuns(root)).toEqual([join(root, 'run-c')]);
  });

  it('replaces an unreadable pointer instead of failing the run', async () => {
    const root = newRoot();
    writeFileSync(join(root, 'latest.json'), '{ not json');
    await recordLatestRun(root, join(root, 'run-a'), 'invocation-1');
    expect(await readLatestRuns(root)).toEqual([join(root, 'run-a')]);
  });

  it('says which file is missing when no suite run has written one', async () => {
    const root = join(newRoot(), 'results');
    mkdirSync(root);
    await expect(readLatestRuns(root)).rejects.toThrow(`${join(root, 'latest.json')}: no such file`);
  });
});
