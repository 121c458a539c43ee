// The repository's own workflows, against the real package.json and node_modules: the same check
// as `npm run lint:workflows`, so a broken workflow also fails the unit tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflowDirectory, formatFinding, readProjectFacts } from '../../../scripts/check-workflows.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

describe('.github/workflows', () => {
  it('ci.yml, perf.yml and update-baselines.yml are present and have no finding', async () => {
    const facts = await readProjectFacts(repoRoot);
    const { files, findings } = await checkWorkflowDirectory(join(repoRoot, '.github', 'workflows'), facts);
    expect(files.map((file) => file.slice(file.lastIndexOf('/') + 1))).toEqual(
      expect.arrayContaining(['ci.yml', 'perf.yml', 'update-baselines.yml']),
    );
    expect(findings.map(formatFinding)).toEqual([]);
  });

  // A run waiting in a concurrency group is cancelled when another run joins the group, whatever
  // cancel-in-progress says: nightly and manual GPU runs must never share a group (docs/security.md).
  it('never lets a nightly run or a baseline update be cancelled by a later run', () => {
    const read = (name: string) => parse(readFileSync(join(repoRoot, '.github', 'workflows', name), 'utf8'));
    const perf = read('perf.yml');
    expect(perf.concurrency.group).toContain('github.run_id');
    expect(perf.concurrency['cancel-in-progress']).toBe("${{ github.event_name == 'pull_request' }}");
    expect(read('update-baselines.yml').concurrency).toBeUndefined();
  });

  it('tests on the Node LTS lines and on the oldest supported Node', () => {
    const ci = parse(readFileSync(join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8'));
    expect(ci.jobs.test.strategy.matrix.node).toEqual(['20.19', '22', '24']);
  });
});
