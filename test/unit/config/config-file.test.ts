import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import type { SettingsError } from '../../../perf/lib/plan/config/settings.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

function dirWithConfig(name: string, content: string): { dir: string; file: string } {
  const dir = makeTempDir('config-file-');
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file };
}

function problemsOf(env: Record<string, string>, cwd: string): string[] {
  try {
    loadSettings(env, cwd);
  } catch (error) {
    return (error as SettingsError).problems;
  }
  throw new Error('expected loadSettings to reject the settings');
}

describe('config file', () => {
  it('is read from xsched-perf.config.json in the working directory; relative paths resolve against it', () => {
    const config = { schemaVersion: 1, scenarios: ['standard', 'intensive'], trials: 5, resultsDir: 'out', requireGpu: true };
    const { dir, file } = dirWithConfig('xsched-perf.config.json', JSON.stringify(config));
    const settings = loadSettings({}, dir);
    expect(settings.configFile).toBe(file);
    expect(settings.scenarios).toEqual(['standard', 'intensive']);
    expect(settings.overrides.trials).toBe(5);
    expect(settings.overrideSources.trials).toBe(`${file} "trials"`);
    expect(settings.resultsDir).toBe(join(dir, 'out'));
    expect(settings.requireGpu).toBe(true);
  });

  it('is read from PERF_CONFIG, and the environment wins over it', () => {
    const { dir } = dirWithConfig('mine.json', JSON.stringify({ trials: 5, seed: 7 }));
    const settings = loadSettings({ PERF_CONFIG: 'mine.json', PERF_TRIALS: '2' }, dir);
    expect(settings.overrides).toMatchObject({ trials: 2, seed: 7 });
    expect(settings.overrideSources.trials).toBe('PERF_TRIALS');
  });

  it('rejects an unknown key, naming the file, the key and the known keys', () => {
    const { dir, file } = dirWithConfig('xsched-perf.config.json', JSON.stringify({ trails: 5 }));
    const [problem] = problemsOf({}, dir);
    expect(problem).toContain(`${file}: unknown key "trails"; known keys: scenarios, durationS, trials`);
  });

  it('rejects a bad value, naming the file and key and quoting the value', () => {
    const { dir, file } = dirWithConfig('xsched-perf.config.json', JSON.stringify({ trials: 0, arms: { a: 1 } }));
    const problems = problemsOf({}, dir);
    expect(problems).toContain(`${file} "trials"="0": expected an integer >= 1 and <= 100`);
    expect(problems.some((p) => p.startsWith(`${file}: "arms" = {"a":1}: expected a comma list`))).toBe(true);
  });

  it('rejects per-invocation settings (replay, update-baselines) in the file', () => {
    const { dir } = dirWithConfig('xsched-perf.config.json', JSON.stringify({ updateBaselines: true }));
    expect(problemsOf({}, dir)[0]).toContain('unknown key "updateBaselines"');
  });

  it('names the file and the JSON problem when the file is corrupt', () => {
    const { dir, file } = dirWithConfig('xsched-perf.config.json', '{"trials": 5,');
    const [problem] = problemsOf({}, dir);
    expect(problem).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(.+\\)$`));
  });

  it('names PERF_CONFIG and the path when the named file does not exist', () => {
    const { dir } = dirWithConfig('other.json', '{}');
    const [problem] = problemsOf({ PERF_CONFIG: 'missing.json' }, dir);
    expect(problem).toBe(`PERF_CONFIG="missing.json": expected the path of an existing JSON config file (${join(dir, 'missing.json')} does not exist)`);
  });
});
