// Shows ProgressEvents while a scenario runs. On a TTY: one line that updates
// in place. Elsewhere (CI logs): start/end lines per arm and at most one
// progress line per arm every minIntervalMs (30 s), so logs stay readable.

import type { ProgressEvent } from '../../../documents/types/index.ts';
import {
  formatArmEnd,
  formatArmProgress,
  formatArmStart,
  formatScenarioEnd,
  formatScenarioStart,
  type ArmProgressState,
} from './format-progress.ts';

export interface ProgressPrinterOptions {
  isTTY: boolean;
  /** Least time between two progress lines of one arm: default 30 000 ms in CI, 200 ms on a TTY. */
  minIntervalMs?: number;
  /** Terminal width; the TTY line is cut to fit so it never wraps. */
  columns?: number;
  /** Monotonic clock in ms; tests pass their own. */
  nowMs?: () => number;
}

export interface ProgressPrinter {
  onEvent(event: ProgressEvent): void;
  /** Clears the TTY line; call once when the run ends. */
  close(): void;
}

export const CI_PROGRESS_INTERVAL_MS = 30_000;
export const TTY_PROGRESS_INTERVAL_MS = 200;

export function createProgressPrinter(stream: { write(text: string): unknown }, options: ProgressPrinterOptions): ProgressPrinter {
  const minIntervalMs = options.minIntervalMs ?? (options.isTTY ? TTY_PROGRESS_INTERVAL_MS : CI_PROGRESS_INTERVAL_MS);
  if (!Number.isFinite(minIntervalMs) || minIntervalMs < 0) {
    throw new Error(`createProgressPrinter: minIntervalMs must be a finite number >= 0, got ${String(options.minIntervalMs)}`);
  }
  const nowMs = options.nowMs ?? (() => performance.now());
  const arms = new Map<string, ArmProgressState>();
  const lastPrintedMs = new Map<string, number>();
  let statusLineShown = false;
  /** Per scenario: arm-trials announced and started, and when and how long it was estimated to run. */
  const scenarios = new Map<string, { armTrials: number; started: number; startMs: number; estimatedMs: number }>();
  const scenarioLeftMs = (scenario: string): number | null => {
    const s = scenarios.get(scenario);
    return s ? Math.max(0, s.estimatedMs - (nowMs() - s.startMs)) : null;
  };

  const keyOf = (e: { scenario: string; arm: string; trial: number }) => `${e.scenario}\u0000${e.arm}\u0000${e.trial}`;
  const fit = (line: string) => (options.columns && line.length >= options.columns ? `${line.slice(0, options.columns - 2)}…` : line);

  function printLine(line: string): void {
    if (options.isTTY && statusLineShown) stream.write('\r\x1b[2K');
    statusLineShown = false;
    stream.write(`${line}\n`);
  }

  function printStatus(line: string): void {
    if (!options.isTTY) return printLine(line);
    stream.write(`\r\x1b[2K${fit(line)}`);
    statusLineShown = true;
  }

  function onEvent(event: ProgressEvent): void {
    switch (event.type) {
      case 'scenario-start':
        scenarios.set(event.scenario, { armTrials: event.armTrials, started: 0, startMs: nowMs(), estimatedMs: event.estimatedMs });
        return printLine(formatScenarioStart(event));
      case 'scenario-end':
        scenarios.delete(event.scenario);
        return printLine(formatScenarioEnd(event));
      case 'arm-start': {
        const scenario = scenarios.get(event.scenario);
        if (scenario) scenario.started += 1;
        const state: ArmProgressState = {
          scenario: event.scenario, arm: event.arm, trial: event.trial, trials: event.trials,
          armTrialIndex: scenario ? scenario.started : null, armTrials: scenario ? scenario.armTrials : null, scenarioLeftMs: scenarioLeftMs(event.scenario),
        };
        arms.set(keyOf(event), state);
        lastPrintedMs.set(keyOf(event), nowMs());
        return options.isTTY ? printStatus(formatArmStart(state, event.durationMs)) : printLine(formatArmStart(state, event.durationMs));
      }
      case 'arm-progress': {
        const key = keyOf(event);
        const known = arms.get(key) ?? unannounced(event);
        const state = { ...known, scenarioLeftMs: scenarioLeftMs(event.scenario) };
        const now = nowMs();
        const last = lastPrintedMs.get(key);
        if (last !== undefined && now - last < minIntervalMs) return;
        lastPrintedMs.set(key, now);
        return printStatus(formatArmProgress(state, event));
      }
      case 'arm-end': {
        const key = keyOf(event);
        const state = arms.get(key) ?? unannounced(event);
        arms.delete(key);
        lastPrintedMs.delete(key);
        return printLine(formatArmEnd(state, event));
      }
    }
  }

  /** An arm-trial whose arm-start was not seen: say what is known, nothing more. */
  function unannounced(event: { scenario: string; arm: string; trial: number }): ArmProgressState {
    return { scenario: event.scenario, arm: event.arm, trial: event.trial, trials: event.trial + 1, armTrialIndex: null, armTrials: null, scenarioLeftMs: null };
  }

  return {
    onEvent,
    close() {
      if (options.isTTY && statusLineShown) stream.write('\r\x1b[2K');
      statusLineShown = false;
    },
  };
}
