import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../perf/lib/plan/config/load-settings.ts';
import { SettingsError } from '../../../perf/lib/plan/config/settings.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

const emptyDir = () => makeTempDir('settings-');

function problemsOf(env: Record<string, string>, cwd = emptyDir()): string[] {
  try {
    loadSettings(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as SettingsError).problems;
  }
  throw new Error('expected loadSettings to reject the settings');
}

describe('loadSettings defaults', () => {
  it('runs the quick scenario into results/ and baselines/ under the working directory', () => {
    const cwd = emptyDir();
    const settings = loadSettings({}, cwd);
    expect(settings.scenarios).toEqual(['quick']);
    expect(settings.resultsDir).toBe(join(cwd, 'results'));
    expect(settings.baselinesDir).toBe(join(cwd, 'baselines'));
    expect(settings.overrides).toEqual({});
    expect([settings.requireGpu, settings.requireBaseline, settings.updateBaselines]).toEqual([false, false, false]);
    expect([settings.replayPath, settings.workerPath, settings.configFile]).toEqual([null, null, null]);
    expect(settings.warnings).toEqual([]);
    expect([settings.readyTimeoutMs, settings.startLeadMs]).toEqual([180_000, 1_000]);
  });

  it('takes the start lead from PERF_START_LEAD_MS (the "late" worker message names it)', () => {
    expect(loadSettings({ PERF_START_LEAD_MS: '2500' }, emptyDir()).startLeadMs).toBe(2_500);
  });

  it('treats an empty variable as unset (CI templates set "")', () => {
    expect(loadSettings({ PERF_TRIALS: '', PERF_SCENARIOS: '  ' }, emptyDir()).overrides).toEqual({});
  });
});

describe('loadSettings rejects bad values, quoting each and saying what is accepted', () => {
  const cases: Array<[string, string, string]> = [
    ['PERF_TRIALS', '0', 'expected an integer >= 1 and <= 100'],
    ['PERF_TRIALS', '2.5', 'expected an integer >= 1'],
    ['PERF_DURATION_S', 'abc', 'expected a number of seconds > 0 and <= 3600'],
    ['PERF_DURATION_S', '0', 'expected a number of seconds > 0'],
    ['PERF_DURATION_S', '60000', 'expected a number of seconds > 0 and <= 3600'],
    ['PERF_GPU', '-1', 'expected a GPU index: an integer >= 0'],
    ['PERF_HP_RATE_HZ', '0', 'expected requests per second: a number > 0'],
    ['PERF_HP_RATE_HZ', '1e3', 'expected requests per second'],
    ['PERF_HP_ARRIVAL', 'poison', 'expected uniform or poisson'],
    ['PERF_HP_BATCH', '0', 'expected an integer >= 1 and <= 4096'],
    ['PERF_LP_BATCH', '8.5', 'expected an integer >= 1 and <= 4096'],
    ['PERF_IMAGE_SIZE', '16', 'expected pixels per side: an integer >= 32'],
    ['PERF_SEED', '-1', 'expected an integer >= 0'],
    ['PERF_SHARING', 'mpss', 'expected one of auto, time-sliced, mps, platform-default'],
    ['PERF_ARMS', 'xsched,xsched', 'expected a comma list of distinct arms'],
    ['PERF_ARMS', '+stream-priority,baseline', 'or of +arm / -arm items'],
    ['PERF_ARMS', 'baseline,gpu', 'expected a comma list of distinct arms'],
    ['PERF_REFERENCE_ARMS', 'mps-lp75', 'expected a comma list of distinct reference arms from stream-priority, mps-lp30, mps-lp50, mps-lp70, mps-lp80, mps-lp90, mps-lp100'],
    ['PERF_REFERENCE_ARMS', 'xsched', 'distinct reference arms'],
    ['PERF_SCENARIOS', 'quik', 'expected a comma list of distinct scenario names from quick, standard'],
    ['PERF_SCENARIOS', 'quick,quick', 'distinct scenario names'],
    ['PERF_REQUIRE_GPU', 'maybe', 'expected one of 1, true, yes, on, 0, false, no, off'],
    ['PERF_REQUIRE_BASELINE', '2', 'expected one of 1, true'],
    ['PERF_UPDATE_BASELINES', 'y', 'expected one of 1, true'],
    ['PERF_REPLAY', '/nonexistent/run', 'expected the path of an existing run directory or run.json'],
    ['PERF_WORKER', '/nonexistent/worker', 'expected the path of an existing worker executable'],
    ['PERF_START_LEAD_MS', '10', 'an integer >= 50 and <= 60000'],
    ['PERF_START_LEAD_MS', '1.5', 'an integer >= 50'],
  ];
  it.each(cases)('%s=%j', (name, value, accepted) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(`${name}="${value}": expected `)).toBe(true);
    expect(problems[0]).toContain(accepted);
  });

  it('reports every bad value at once', () => {
    const problems = problemsOf({ PERF_TRIALS: '0', PERF_GPU: 'first', PERF_SEED: 'x' });
    expect(problems.map((p) => p.split('=')[0])).toEqual(['PERF_TRIALS', 'PERF_GPU', 'PERF_SEED']);
  });
});

describe('loadSettings overrides', () => {
  it('converts and records each override with its source', () => {
    const settings = loadSettings(
      { PERF_DURATION_S: '2.5', PERF_TRIALS: '5', PERF_HP_RATE_HZ: '12.5', PERF_ARMS: '+stream-priority', PERF_SHARING: 'mps' },
      emptyDir(),
    );
    expect(settings.overrides).toEqual({
      durationMs: 2500,
      trials: 5,
      hpRateHz: 12.5,
      sharing: 'mps',
      arms: { mode: 'edit', add: ['stream-priority'], remove: [] },
    });
    expect(settings.overrideSources.trials).toBe('PERF_TRIALS');
  });

  it('resolves directory settings against the working directory', () => {
    const cwd = emptyDir();
    const settings = loadSettings({ PERF_RESULTS_DIR: 'out/r', PERF_BASELINES_DIR: '/abs/b', PERF_UPDATE_BASELINES: 'true' }, cwd);
    expect(settings.resultsDir).toBe(join(cwd, 'out/r'));
    expect(settings.baselinesDir).toBe('/abs/b');
    expect(settings.updateBaselines).toBe('replace');
  });

  it('reads PERF_UPDATE_BASELINES as off, replace or append, and quotes a value it does not know', () => {
    const cwd = emptyDir();
    expect(['0', '1', 'yes', 'APPEND'].map((value) => loadSettings({ PERF_UPDATE_BASELINES: value }, cwd).updateBaselines)).toEqual([false, 'replace', 'replace', 'append']);
    expect(() => loadSettings({ PERF_UPDATE_BASELINES: 'add', CI: 'true' }, cwd)).toThrow(/PERF_UPDATE_BASELINES.*"add"/);
  });
});

describe('unknown PERF_* variables', () => {
  it('warns about a typo, suggests the closest name and lists the known ones', () => {
    const settings = loadSettings({ PERF_TRAILS: '5' }, emptyDir());
    expect(settings.warnings).toHaveLength(1);
    expect(settings.warnings).toEqual(['PERF_TRAILS: unknown; did you mean PERF_TRIALS? (ignored)']);
    expect(settings.overrides.trials).toBeUndefined();
    expect(loadSettings({ PERF_NOTHING_LIKE_IT_AT_ALL: '1' }, emptyDir()).warnings[0]).toMatch(/^PERF_NOTHING_LIKE_IT_AT_ALL: unknown; known: PERF_ARMS, PERF_BASELINES_DIR, /);
  });

  it('fails instead in strict mode (PERF_STRICT=1, or CI=true or 1), naming the closest known variable', () => {
    for (const strict of [{ PERF_STRICT: '1' }, { CI: 'true' }, { CI: '1' }, { CI: 'true', PERF_STRICT: '0' }]) {
      expect(() => loadSettings({ PERF_TRAILS: '3', ...strict }, emptyDir()), JSON.stringify(strict)).toThrow(
        'PERF_TRAILS: unknown; did you mean PERF_TRIALS? (an error in strict mode: PERF_STRICT=1 or CI=true)',
      );
    }
    expect(loadSettings({ CI: 'true' }, emptyDir()).strict).toBe(true);
    expect(loadSettings({ CI: 'false' }, emptyDir()).strict).toBe(false);
    expect(loadSettings({}, emptyDir()).strict).toBe(false);
  });

  it("does not warn about the XSched and MPS module's variables or non-PERF variables", () => {
    const env = { PERF_XSCHED_POLICY: 'HPF', PERF_XSCHED_THRESHOLD_LP: '4', PERF_MPS_CONTROL: 'x', XSCHED_ROOT: '/opt/x', HOME: '/h' };
    expect(loadSettings(env, emptyDir()).warnings).toEqual([]);
  });
});

describe('known variables', () => {
  it("include every name the XSched module reads, so its settings are never reported", async () => {
    const { XSCHED_SETTING_NAMES } = await import('../../../perf/lib/plan/config/xsched-settings.ts');
    const { listKnownPerfVariables } = await import('../../../perf/lib/plan/config/known-variables.ts');
    expect(listKnownPerfVariables()).toEqual(expect.arrayContaining([...XSCHED_SETTING_NAMES, 'PERF_MPS_CONTROL', 'PERF_CONFIG']));
  });
});
