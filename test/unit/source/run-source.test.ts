import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { describeRunSource, readGitSource, readXschedSource } from '../../../perf/lib/run/source/index.ts';
import { parseRunRecord } from '../../../perf/lib/store/results/parse-run-record.ts';
import { makeRunRecord } from '../baselines/run-fixture.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

async function makeRepo(): Promise<string> {
  const dir = makeTempDir('run-source-git-');
  const git = (...args: string[]) => execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
  await git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'a.txt'), 'one\n');
  await git('add', 'a.txt');
  await git('commit', '-q', '-m', 'first');
  return dir;
}

describe('readGitSource', () => {
  it('gives commit, branch, commit time and a clean flag for a committed checkout', async () => {
    const dir = await makeRepo();
    const head = (await execa('git', ['rev-parse', 'HEAD'], { cwd: dir })).stdout.trim();
    const source = await readGitSource(dir);
    expect(source).toMatchObject({ available: true, commit: head, branch: 'main', dirty: false });
    expect(source.available && Number.isNaN(Date.parse(source.commitTime))).toBe(false);
  });

  it('flags a changed tracked file as dirty, not an untracked one', async () => {
    const dir = await makeRepo();
    writeFileSync(join(dir, 'untracked.txt'), 'x');
    expect(await readGitSource(dir)).toMatchObject({ dirty: false });
    writeFileSync(join(dir, 'a.txt'), 'two\n');
    expect(await readGitSource(dir)).toMatchObject({ dirty: true });
  });

  it('a detached HEAD has no branch; a repository without a commit has no source', async () => {
    const dir = await makeRepo();
    await execa('git', ['checkout', '-q', '--detach'], { cwd: dir });
    expect(await readGitSource(dir)).toMatchObject({ available: true, branch: null });
    const empty = makeTempDir('run-source-empty-');
    await execa('git', ['init', '-q'], { cwd: empty });
    expect(await readGitSource(empty)).toMatchObject({ available: false, reason: expect.stringContaining('without a commit') });
  });

  it('says "not a git checkout" outside one instead of inventing a commit', async () => {
    expect(await readGitSource(makeTempDir('run-source-plain-'))).toEqual({ available: false, reason: 'not a git checkout' });
  });
});

describe('readXschedSource', () => {
  it('prefers a version file of the install over PERF_XSCHED_VERSION', async () => {
    const root = makeTempDir('run-source-xsched-');
    writeFileSync(join(root, 'VERSION'), '1.2.0\n');
    expect(await readXschedSource(root, { PERF_XSCHED_VERSION: 'user-said' })).toEqual({ root, version: '1.2.0', from: 'VERSION in XSCHED_ROOT' });
  });

  it('reads PACKAGE_VERSION from a CMake package version file', async () => {
    const root = makeTempDir('run-source-xsched-');
    mkdirSync(join(root, 'lib', 'cmake', 'XSched'), { recursive: true });
    writeFileSync(join(root, 'lib', 'cmake', 'XSched', 'XSchedConfigVersion.cmake'), 'set(PACKAGE_VERSION "1.3.1")\n');
    expect((await readXschedSource(root, {})).version).toBe('1.3.1');
  });

  it('uses the commit of the git tree the install is in', async () => {
    const root = await makeRepo();
    const head = (await execa('git', ['rev-parse', 'HEAD'], { cwd: root })).stdout.trim();
    expect(await readXschedSource(root, { PERF_XSCHED_VERSION: 'ignored' })).toMatchObject({ version: head });
  });

  it('never takes the suite\'s own commit for XSched\'s: an install inside the suite\'s checkout falls back to PERF_XSCHED_VERSION, then "unknown"', async () => {
    const suite = await makeRepo();
    const root = join(suite, '.devcarry', 'xsched');
    mkdirSync(join(root, 'lib'), { recursive: true });
    const top = (await execa('git', ['rev-parse', '--show-toplevel'], { cwd: suite })).stdout.trim();
    expect(await readXschedSource(root, { PERF_XSCHED_VERSION: '1.2.0-local' }, top)).toEqual({ root, version: '1.2.0-local', from: `PERF_XSCHED_VERSION (XSCHED_ROOT is inside the suite's own checkout (${top}), whose commit is not XSched's)` });
    expect(await readXschedSource(root, {}, top)).toMatchObject({ version: 'unknown', from: expect.stringContaining("inside the suite's own checkout") });
    // What a run records when it runs from that checkout.
    expect((await describeRunSource(suite, { XSCHED_ROOT: root })).xsched).toMatchObject({ version: 'unknown' });
    // Another checkout than the suite's is XSched's own: its commit stands.
    const other = await makeRepo();
    const head = (await execa('git', ['rev-parse', 'HEAD'], { cwd: other })).stdout.trim();
    expect(await readXschedSource(other, {}, top)).toMatchObject({ version: head, from: 'git commit of the tree XSCHED_ROOT is in' });
  });

  it('falls back to PERF_XSCHED_VERSION, then to "unknown"', async () => {
    const root = makeTempDir('run-source-xsched-');
    expect(await readXschedSource(root, { PERF_XSCHED_VERSION: ' v1.2.0-local ' })).toMatchObject({ version: 'v1.2.0-local', from: 'PERF_XSCHED_VERSION' });
    expect((await readXschedSource(root, {})).version).toBe('unknown');
  });
});

describe('run.json source field', () => {
  it('reads a record without source (written before it existed)', () => {
    const record = makeRunRecord();
    expect(parseRunRecord('run.json', JSON.parse(JSON.stringify(record))).source).toBeUndefined();
  });

  it('reads a record with source and names a mistyped field', () => {
    const record = { ...makeRunRecord(), source: { git: { available: true, commit: 'abc', branch: null, dirty: false, commitTime: '2026-11-29T00:00:00Z' }, xsched: null } };
    expect(parseRunRecord('run.json', record).source?.git).toMatchObject({ commit: 'abc' });
    const bad = { ...record, source: { git: { available: true, commit: 'abc', branch: null, dirty: 'no', commitTime: 'x' }, xsched: null } };
    expect(() => parseRunRecord('run.json', bad)).toThrow(/source\.git\.dirty/);
  });
});
