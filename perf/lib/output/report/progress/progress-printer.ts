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
        return printLine(formatScenarioStart(event));
      case 'scenario-end':
        return printLine(formatScenarioEnd(event));
      case 'arm-start': {
        const state = { scenario: event.scenario, arm: event.arm, trial: event.trial, trials: event.trials };
        arms.set(keyOf(event), state);
        lastPrintedMs.set(keyOf(event), nowMs());
        return options.isTTY ? printStatus(formatArmStart(state, event.durationMs)) : printLine(formatArmStart(state, event.durationMs));
      }
      case 'arm-progress': {
        const key = keyOf(event);
        const state = arms.get(key) ?? { scenario: event.scenario, arm: event.arm, trial: event.trial, trials: event.trial + 1 };
        const now = nowMs();
        const last = lastPrintedMs.get(key);
        if (last !== undefined && now - last < minIntervalMs) return;
        lastPrintedMs.set(key, now);
        return printStatus(formatArmProgress(state, event));
      }
      case 'arm-end': {
        const key = keyOf(event);
        const state = arms.get(key) ?? { scenario: event.scenario, arm: event.arm, trial: event.trial, trials: event.trial + 1 };
        arms.delete(key);
        lastPrintedMs.delete(key);
        return printLine(formatArmEnd(state, event));
      }
    }
  }

  return {
    onEvent,
    close() {
      if (options.isTTY && statusLineShown) stream.write('\r\x1b[2K');
      statusLineShown = false;
    },
  };
}
