// Each fixture under fixtures/broken/ breaks a workflow in exactly one way; the check must report
// exactly that (rule and line, counted by hand in the fixture). fixtures/valid/ must pass.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkflowText, type ProjectFacts } from '../../../scripts/check-workflows.ts';

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
