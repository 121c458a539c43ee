// README's main command, `npx vitest run perf`, selects test files by a path filter: a unit test
// whose path holds "perf" would run (and pass) with it, reading as if the suite had tested
// something on a machine without a GPU.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../../..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(repoRoot, path)] : [];
  });
}

describe('npx vitest run perf', () => {
  it('matches no unit test file: none has "perf" in its path', () => {
    expect(testFiles(join(repoRoot, 'test')).filter((path) => path.includes('perf'))).toEqual([]);
  });
});
