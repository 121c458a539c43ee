// The words of one progress line. Kept apart from the printer so the text can
// be read and tested without any timing.

import type { ProgressEvent, Role } from '../../../documents/types/index.ts';
import { formatDurationMs, formatMs } from '../number-format.ts';

export interface ArmProgressState {
  scenario: string;
  arm: string;
  trial: number;
  trials: number;
  /** This arm-trial's place in the scenario (1-based) and the scenario's arm-trials; null when not announced. */
  armTrialIndex: number | null;
  armTrials: number | null;
  /** The scenario's estimated time left when this line is printed (scenario-start's estimate minus the time since). */
  scenarioLeftMs: number | null;
}

const DONE_UNITS: Record<Role, string> = { hp: 'hp requests', lp: 'lp iterations' };

/** Worker messages can hold newlines and escape sequences: one line, no control characters. */
export function sanitizeLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
}

export function formatArmLabel(state: ArmProgressState): string {
  const overall = state.armTrialIndex !== null && state.armTrials !== null ? ` arm-trial ${state.armTrialIndex}/${state.armTrials}:` : '';
  return `[${state.scenario}]${overall} ${state.arm} trial ${state.trial + 1}/${state.trials}`;
}

export function formatArmProgress(state: ArmProgressState, event: Extract<ProgressEvent, { type: 'arm-progress' }>): string {
  const done = (Object.keys(DONE_UNITS) as Role[])
    .filter((role) => event.done[role] !== undefined)
    .map((role) => `${event.done[role]} ${DONE_UNITS[role]}`);
  // The rate and P99 so far from the workers' own PROGRESS lines (docs/protocol.md).
  // The hp count is as old as the worker's last PROGRESS line (at most every 5 s), so the rate
  // divides by the time of that line; on an H200 dividing by elapsedMs read 17.3 req/s at 20.
  const countSec = (event.hpDoneAtElapsedMs ?? event.elapsedMs) / 1000;
  const rates = countSec > 0 && event.done.hp !== undefined ? [`hp ${(event.done.hp / countSec).toFixed(1)} req/s so far`] : [];
  const p99 = event.hpP99SoFarMs !== undefined ? [`hp P99 so far ${formatMs(event.hpP99SoFarMs)} ms`] : [];
  const scenarioLeft = state.scenarioLeftMs !== null ? [`scenario about ${formatDurationMs(state.scenarioLeftMs)} left`] : [];
  const parts = [`${formatDurationMs(event.elapsedMs)} elapsed`, `${formatDurationMs(event.remainingMs)} left`, ...done, ...p99, ...rates, ...scenarioLeft];
  return sanitizeLine(`${formatArmLabel(state)}: ${parts.join(', ')}`);
}

export function formatArmStart(state: ArmProgressState, durationMs: number): string {
  return sanitizeLine(`${formatArmLabel(state)}: started (${formatDurationMs(durationMs)} window)`);
}

export function formatArmEnd(state: ArmProgressState, event: Extract<ProgressEvent, { type: 'arm-end' }>): string {
  if (event.skipped !== null) return sanitizeLine(`${formatArmLabel(state)}: skipped: ${event.skipped}`);
  if (!event.ok) return sanitizeLine(`${formatArmLabel(state)}: FAILED${event.message ? `: ${event.message}` : ''}`);
  return sanitizeLine(`${formatArmLabel(state)}: done${event.message ? ` (${event.message})` : ''}`);
}

export function formatScenarioStart(event: Extract<ProgressEvent, { type: 'scenario-start' }>): string {
  return sanitizeLine(`[${event.scenario}] starting: ${event.armTrials} arm-trials, about ${formatDurationMs(event.estimatedMs)}`);
}

export function formatScenarioEnd(event: Extract<ProgressEvent, { type: 'scenario-end' }>): string {
  return sanitizeLine(`[${event.scenario}] finished in ${formatDurationMs(event.elapsedMs)}`);
}
