import { describe, expect, it } from 'vitest';
import { script, summarizeVitestJson } from '../../../scripts/bench-tests.ts';
import { runScriptInProcess } from '../../fixtures/run-script.ts';

describe('bench-tests', () => {
  it('takes the Vitest time from the run start to the last file end, and lists the slowest files first', () => {
    const report = {
      startTime: 1_000,
      testResults: [
        { name: '/repo/test/unit/a.test.ts', startTime: 1_500, endTime: 2_000, status: 'passed' },
        { name: '/repo/test/unit/b.test.ts', startTime: 1_200, endTime: 9_200, status: 'failed' },
        { name: '/repo/test/unit/c.test.ts', startTime: 2_000, endTime: 4_000, status: 'passed' },
      ],
    };
    expect(summarizeVitestJson(report, '/repo', 2)).toEqual({
      vitestMs: 8_200,
      fileCount: 3,
      failedFiles: ['test/unit/b.test.ts'],
      slowest: [{ file: 'test/unit/b.test.ts', durationMs: 8_000 }, { file: 'test/unit/c.test.ts', durationMs: 2_000 }],
    });
  });

  it('refuses a --top that is not a whole number, quoting it', async () => {
    const run = await runScriptInProcess(script, ['--top', 'many']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--top must be a whole number >= 0, got "many"');
  });
});
