// The suite's list of worker exit codes against the two other places that define them:
// the table in docs/protocol.md and the native worker's ExitCode enum. A code added to
// one and not the others fails here.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWorkerExitCode, WORKER_EXIT } from '../../../perf/lib/run/worker/worker-exit-codes.ts';

const root = resolve(import.meta.dirname, '../../..');

function codesInProtocolDoc(): number[] {
  const text = readFileSync(resolve(root, 'docs/protocol.md'), 'utf8');
  const section = text.slice(text.indexOf('## Exit codes'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|')));
  return [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
}

function codesInNativeEnum(): number[] {
  const text = readFileSync(resolve(root, 'native/src/worker/exit_codes.hpp'), 'utf8');
  const body = text.slice(text.indexOf('enum class ExitCode'), text.indexOf('};'));
  return [...body.matchAll(/= (\d+),/g)].map((m) => Number(m[1]));
}

const sorted = (codes: number[]) => [...codes].sort((a, b) => a - b);

describe('worker exit codes', () => {
  it('are the same codes in docs/protocol.md, the native enum and WORKER_EXIT', () => {
    const suite = sorted(Object.values(WORKER_EXIT));
    expect(suite).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(sorted(codesInProtocolDoc())).toEqual(suite);
    expect(sorted(codesInNativeEnum())).toEqual(suite);
  });

  it('each has a meaning; 1 is called a bug, an undefined code says so', () => {
    for (const code of Object.values(WORKER_EXIT)) expect(describeWorkerExitCode(code)).not.toBe('not a code the protocol defines');
    expect(describeWorkerExitCode(WORKER_EXIT.internalError)).toContain('internal error');
    expect(describeWorkerExitCode(WORKER_EXIT.internalError)).toContain('a bug');
    expect(describeWorkerExitCode(9)).toBe('not a code the protocol defines');
  });
});
