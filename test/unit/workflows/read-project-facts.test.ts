// What workflows may name: npm scripts, and binaries of direct dependencies only.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readProjectFacts } from '../../../scripts/check-workflows.ts';

let repoRoot = '';

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, JSON.stringify(value));
}

async function makeRepo(): Promise<string> {
  repoRoot = await mkdtemp(join(tmpdir(), 'project-facts-'));
  await writeJson(join(repoRoot, 'package.json'), {
    scripts: { test: 'vitest run', 'perf:merge-summaries': 'tsx scripts/merge.ts' },
    dependencies: { execa: '9.6.0' },
    devDependencies: { '@scope/single-bin': '1.0.0', typescript: '5.9.3' },
  });
  await writeJson(join(repoRoot, 'node_modules', 'execa', 'package.json'), { name: 'execa' });
  await writeJson(join(repoRoot, 'node_modules', '@scope', 'single-bin', 'package.json'), { bin: 'cli.js' });
  await writeJson(join(repoRoot, 'node_modules', 'typescript', 'package.json'), { bin: { tsc: 'a', tsserver: 'b' } });
  return repoRoot;
}

afterEach(async () => {
  await rm(repoRoot, { recursive: true, force: true });
});

describe('readProjectFacts', () => {
  it('lists the scripts and the binaries: a string bin is named after the unscoped package', async () => {
    const facts = await readProjectFacts(await makeRepo());
    expect([...facts.npmScripts].sort()).toEqual(['perf:merge-summaries', 'test']);
    expect([...facts.npxBins].sort()).toEqual(['single-bin', 'tsc', 'tsserver']);
  });

  it('says to run npm ci when a dependency is not installed', async () => {
    const root = await makeRepo();
    await rm(join(root, 'node_modules', 'typescript'), { recursive: true });
    await expect(readProjectFacts(root)).rejects.toThrow(/node_modules\/typescript\/package\.json \(run `npm ci` first\)/);
  });
});
