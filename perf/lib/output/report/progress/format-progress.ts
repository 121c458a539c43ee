// The words of one progress line. Kept apart from the printer so the text can
// be read and tested without any timing.

import type { ProgressEvent, Role } from '../../../documents/types/index.ts';
import { formatDurationMs } from '../number-format.ts';

export interface ArmProgressState {
  scenario: string;
  arm: string;
  trial: number;
  trials: number;
}

const DONE_UNITS: Record<Role, string> = { hp: 'hp requests', lp: 'lp iterations' };

/** Worker messages can hold newlines and escape sequences: one line, no control characters. */
export function sanitizeLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
}

export function formatArmLabel(state: ArmProgressState): string {
  return `[${state.scenario}] ${state.arm} trial ${state.trial + 1}/${state.trials}`;
}

export function formatArmProgress(state: ArmProgressState, event: Extract<ProgressEvent, { type: 'arm-progress' }>): string {
  const done = (Object.keys(DONE_UNITS) as Role[])
    .filter((role) => event.done[role] !== undefined)
    .map((role) => `${event.done[role]} ${DONE_UNITS[role]}`);
  const parts = [`${formatDurationMs(event.elapsedMs)} elapsed`, `${formatDurationMs(event.remainingMs)} left`, ...done];
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
