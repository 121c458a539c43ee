import { describe, expect, it } from 'vitest';
import { createProgressPrinter } from '../../../perf/lib/output/report/progress/progress-printer.ts';
import { type ArmProgressState, formatArmProgress } from '../../../perf/lib/output/report/progress/format-progress.ts';
import type { ProgressEvent } from '../../../perf/lib/documents/types/index.ts';

function capture() {
  const chunks: string[] = [];
  return { stream: { write: (text: string) => chunks.push(text) }, text: () => chunks.join(''), chunks };
}

/**
 * One scenario, two arms of one trial; each arm sends 500 progress events 200 ms
 * apart (100 s of window) on a fake clock: 1000 progress events in all.
 */
function feedScenario(onEvent: (e: ProgressEvent) => void, clock: { now: number }): void {
  onEvent({ type: 'scenario-start', scenario: 'intensive', armTrials: 2, estimatedMs: 200_000 });
  for (const arm of ['baseline', 'xsched'] as const) {
    onEvent({ type: 'arm-start', scenario: 'intensive', arm, trial: 0, trials: 3, durationMs: 100_000 });
    for (let i = 1; i <= 500; i++) {
      clock.now += 200;
      onEvent({ type: 'arm-progress', scenario: 'intensive', arm, trial: 0, elapsedMs: i * 200, remainingMs: 100_000 - i * 200, done: { hp: i * 4, lp: i }, ...(arm === 'baseline' ? { hpP99SoFarMs: 22.5 } : {}) });
    }
    onEvent({ type: 'arm-end', scenario: 'intensive', arm, trial: 0, ok: arm === 'baseline', skipped: null, message: arm === 'baseline' ? null : 'lp worker crashed:\nexit 7' });
  }
  onEvent({ type: 'scenario-end', scenario: 'intensive', elapsedMs: 201_000 });
}

describe('createProgressPrinter in CI (not a TTY)', () => {
  it('prints 1000 progress events as a handful of lines: one per arm every 30 s plus start/end lines', () => {
    const out = capture();
    const clock = { now: 0 };
    const printer = createProgressPrinter(out.stream, { isTTY: false, nowMs: () => clock.now });
    feedScenario(printer.onEvent, clock);
    printer.close();
    const lines = out.text().split('\n').filter(Boolean);
    // Per arm: 100 s of events -> progress at 30, 60, 90 s = 3 lines; + start + end. Scenario start + end: 2.
    expect(lines).toHaveLength(2 * (3 + 2) + 2);
    expect(out.text()).not.toContain('\r');
    // Arm-trial k of N, the hp worker's running P99 from its PROGRESS lines, the rate it reached so far (600 requests
    // in 30 s), and the scenario's time left (its 200 s estimate minus the 30 s since it started).
    expect(lines).toContain('[intensive] arm-trial 1/2: baseline trial 1/3: 30s elapsed, 1m10s left, 600 hp requests, 150 lp iterations, hp P99 so far 22.5 ms, hp 20.0 req/s so far, scenario about 2m50s left');
    // A worker that sends no P99 (lp, or an older worker) gets no P99 words, not a made-up number.
    expect(lines.find((l) => l.includes('xsched trial 1/3: 30s elapsed'))).not.toContain('P99');
    expect(lines).toContain('[intensive] arm-trial 2/2: xsched trial 1/3: FAILED: lp worker crashed: exit 7');
    expect(lines[0]).toBe('[intensive] starting: 2 arm-trials, about 3m20s');
  });

  it('rejects a negative interval with the value it got', () => {
    expect(() => createProgressPrinter(capture().stream, { isTTY: false, minIntervalMs: -1 })).toThrow(/minIntervalMs must be a finite number >= 0, got -1/);
  });
});

describe('createProgressPrinter on a TTY', () => {
  it('updates one line in place and keeps arm ends as lines of their own', () => {
    const out = capture();
    const clock = { now: 0 };
    const printer = createProgressPrinter(out.stream, { isTTY: true, minIntervalMs: 1000, columns: 60, nowMs: () => clock.now });
    feedScenario(printer.onEvent, clock);
    printer.close();
    const text = out.text();
    // 100 s per arm at most one update per second: about 100 in-place updates per arm, never 500.
    const updates = out.chunks.filter((c) => c.startsWith('\r\x1b[2K') && !c.endsWith('\n') && c.length > 5);
    expect(updates.length).toBeGreaterThan(150);
    expect(updates.length).toBeLessThanOrEqual(2 * 101 + 2);
    for (const u of updates) expect(u.length - '\r\x1b[2K'.length).toBeLessThan(60);
    // Only start/end lines end with a newline.
    expect(text.split('\n').length - 1).toBe(2 + 2);
    expect(text.endsWith('\r\x1b[2K')).toBe(false);
  });
});

describe('formatArmProgress: the hp rate so far', () => {
  const state: ArmProgressState = { scenario: 'intensive-30s', arm: 'baseline', trial: 0, trials: 3, armTrialIndex: 3, armTrials: 12, scenarioLeftMs: null };
  const event = (extra: Partial<Extract<ProgressEvent, { type: 'arm-progress' }>>): Extract<ProgressEvent, { type: 'arm-progress' }> => ({
    type: 'arm-progress', scenario: 'intensive-30s', arm: 'baseline', trial: 0, elapsedMs: 29_000, remainingMs: 1000, done: { hp: 500 }, ...extra,
  });

  it('divides the count by the time its PROGRESS line came (500 requests at 25 s: 20 req/s), not by the time elapsed now', () => {
    // As seen on an H200 (docs/gpu-results.md section 9): 502 requests at 29 s read 17.3 req/s at a 20 req/s target.
    expect(formatArmProgress(state, event({ hpDoneAtElapsedMs: 25_000 }))).toContain('hp 20.0 req/s so far');
  });

  it('without that time (an event from an older recording), falls back to elapsed time', () => {
    expect(formatArmProgress(state, event({}))).toContain('hp 17.2 req/s so far');
  });
});
