// The workflow lint's security rules (docs/security.md), on one parsed workflow: actions
// pinned to a full commit SHA with its version in a comment, checkout without persisted
// credentials, a permissions block on every job, and self-hosted jobs that state which
// events reach them, never a fork's pull request.

import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';

export type RuleReport = (node: Node | null | undefined, rule: string, message: string) => void;

const FULL_SHA = /^[0-9a-f]{40}$/;
const VERSION_COMMENT = /^\s*v\d+(\.\d+){0,2}\b/;
/** The job-level `if` that keeps a fork's pull request off a self-hosted runner. */
const SAME_REPOSITORY_CHECK = /github\.event\.pull_request\.head\.repo\.full_name\s*==\s*github\.repository/;

/** `uses:` of a remote action: `owner/repo[/path]@<40-hex SHA>  # vX.Y.Z`. */
export function checkActionReference(uses: string, comment: string | null | undefined, report: (rule: string, message: string) => void): void {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return;
  const [action, ref] = uses.split('@');
  if (ref === undefined) return; // actionlint reports a missing ref
  if (!FULL_SHA.test(ref)) {
    report('pinned-action', `"${uses}" is pinned to "${ref}", which can be moved to other code: pin the full 40-hex commit SHA of a release and name the release in a comment (${action}@<sha> # vX.Y.Z)`);
  } else if (!VERSION_COMMENT.test(comment ?? '')) {
    report('pinned-action', `"${uses}" has no version comment: add the release the SHA is (e.g. "# v4.4.0"), so an update is reviewable`);
  }
}

function triggerNames(on: unknown): string[] {
  if (isScalar(on)) return [String(on.value)];
  if (isSeq(on)) return on.items.map((item) => (isScalar(item) ? String(item.value) : ''));
  if (isMap(on)) return on.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  return [];
}

function isSelfHosted(runsOn: unknown): boolean {
  if (isScalar(runsOn)) return String(runsOn.value) === 'self-hosted';
  if (isSeq(runsOn)) return runsOn.items.some((item) => isScalar(item) && item.value === 'self-hosted');
  return false;
}

function checkSelfHostedJob(name: string, job: YAMLMap, triggers: readonly string[], report: RuleReport, at: Node): void {
  if (triggers.includes('pull_request_target')) {
    report(at, 'self-hosted-fork', `job "${name}" runs on a self-hosted runner in a pull_request_target workflow, which runs with the base repository's token for anyone's pull request: use pull_request`);
  }
  const condition = job.get('if');
  const text = typeof condition === 'string' ? condition : '';
  if (triggers.includes('pull_request') && !SAME_REPOSITORY_CHECK.test(text)) {
    report(at, 'self-hosted-fork', `job "${name}" runs on a self-hosted runner and the workflow runs on pull_request: its job-level if must require github.event.pull_request.head.repo.full_name == github.repository, so a fork's code never reaches the runner`);
  } else if (!/github\.(event_name|repository)/.test(text)) {
    report(at, 'self-hosted-fork', `job "${name}" runs on a self-hosted runner without a job-level if on github.event_name or github.repository: state which events may reach the runner`);
  }
}

function checkCheckoutSteps(name: string, job: YAMLMap, report: RuleReport): void {
  const steps = job.get('steps');
  if (!isSeq(steps)) return;
  for (const step of steps.items) {
    if (!isMap(step)) continue;
    const uses = step.get('uses');
    if (typeof uses !== 'string' || !uses.startsWith('actions/checkout@')) continue;
    const persist = step.getIn(['with', 'persist-credentials']);
    if (persist !== false && persist !== 'false') {
      report(step.get('uses', true) as Node, 'checkout-credentials', `job "${name}": actions/checkout must set "persist-credentials: false", or the job token stays in .git/config for every later step`);
    }
  }
}

export function checkSecurityRules(document: Document, report: RuleReport): void {
  const triggers = triggerNames(document.get('on', true));
  const jobs = document.get('jobs', true);
  if (!isMap(jobs)) return;
  for (const pair of jobs.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const name = String(pair.key.value);
    const job = pair.value;
    if (!job.has('permissions')) {
      report(pair.key, 'job-permissions', `job "${name}" has no permissions block: grant it only what it needs (e.g. contents: read), not the workflow's default`);
    }
    if (isSelfHosted(job.get('runs-on', true))) checkSelfHostedJob(name, job, triggers, report, pair.key);
    checkCheckoutSteps(name, job, report);
  }
}
