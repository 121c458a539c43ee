// Turns valibot's first issue into the field path and a sentence that quotes what was found,
// so every reader (worker output, run.json, baselines) reports a bad document the same way.

import * as v from 'valibot';

export interface DocumentProblem {
  /** Dotted path with indexes ("gpu.uuid", "requests[3]"); "" for the document itself. */
  field: string;
  /** e.g. `must be "hip-amd" | "cuda", got "metal"` or `is missing`. */
  problem: string;
}

/** A short, quoted rendering of a JSON value for error messages. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// Validation actions whose issue has no `expected` text of its own.
const ACTION_TEXT: Record<string, string> = { integer: 'an integer', safe_integer: 'an integer' };

function fieldOf(path: v.IssuePathItem[] | undefined): string {
  let field = '';
  for (const item of path ?? []) {
    if (item.type === 'array') field += `[${String(item.key)}]`;
    else field += field === '' ? String(item.key) : `.${String(item.key)}`;
  }
  return field;
}

function isMissingKey(issue: v.BaseIssue<unknown>): boolean {
  const last = issue.path?.at(-1);
  return last !== undefined && last.type === 'object' && issue.input === undefined && !Object.hasOwn(last.input as object, last.key as string);
}

/** An unknown key of a strict object: its message lists the known ones (closed-object.ts). */
function isUnknownKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
}

function problemOf(issue: v.BaseIssue<unknown>): string {
  if (isMissingKey(issue)) return 'is missing';
  if (issue.type === 'check') return `${issue.message}, got ${describeJson(issue.input)}`;
  if (isUnknownKey(issue)) return issue.message;
  if (issue.type === 'strict_tuple') return `is one item too many, got ${describeJson(issue.input)}`;
  if (issue.type === 'picklist') return `must be one of ${issue.expected?.replace(/^\(|\)$/g, '')}, got ${describeJson(issue.input)}`;
  const expected = issue.type === 'regex' ? issue.message : (issue.expected?.replace(/^([<>]=?)/, '$1 ') ?? ACTION_TEXT[issue.type] ?? issue.message);
  return `must be ${expected}, got ${describeJson(issue.input)}`;
}

/** The first problem valibot found, in words; a misspelt field first, as it explains the missing one. */
function firstProblem(issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): DocumentProblem {
  const issue = issues.find(isUnknownKey) ?? issues[0];
  return { field: fieldOf(issue.path), problem: problemOf(issue) };
}

/** Parses `value` with `schema`, or calls `fail` with the first problem (it throws the reader's own error class). */
export function parseDocument<S extends v.GenericSchema>(schema: S, value: unknown, fail: (problem: DocumentProblem) => never): v.InferOutput<S> {
  const parsed = v.safeParse(schema, value);
  if (!parsed.success) fail(firstProblem(parsed.issues));
  return parsed.output;
}
