// The repository's own workflows, against the real package.json and node_modules: the same check
// as `npm run lint:workflows`, so a broken workflow also fails the unit tests.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
