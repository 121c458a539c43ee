// PERF_ARMS: either the full list of arms ("baseline,xsched") or edits to the
// scenario's arms ("+stream-priority", "-hp-alone,-lp-alone"); never a mix.

import { ALL_ARMS } from '../scenarios/catalogue.ts';
import type { ArmName } from '../../documents/types/scenario.ts';
import type { ArmsOverride } from './settings.ts';

const isArm = (name: string): name is ArmName => (ALL_ARMS as readonly string[]).includes(name);

export function parseArmsOverride(raw: string): ArmsOverride | undefined {
  const items = raw.split(',').map((item) => item.trim());
  if (new Set(items).size !== items.length) return undefined;
  const edits = items.filter((item) => item.startsWith('+') || item.startsWith('-'));
  if (edits.length === 0) return items.every(isArm) ? { mode: 'replace', arms: items as ArmName[] } : undefined;
  if (edits.length !== items.length) return undefined;
  const names = items.map((item) => item.slice(1));
  if (!names.every(isArm) || new Set(names).size !== names.length) return undefined;
  return {
    mode: 'edit',
    add: items.filter((item) => item.startsWith('+')).map((item) => item.slice(1) as ArmName),
    remove: items.filter((item) => item.startsWith('-')).map((item) => item.slice(1) as ArmName),
  };
}

/** The arms a scenario runs after `override`, in interleaving order (ALL_ARMS); never empty. */
export function applyArmsOverride(arms: readonly ArmName[], override: ArmsOverride | undefined): ArmName[] {
  if (!override) return [...arms];
  const chosen =
    override.mode === 'replace'
      ? new Set(override.arms)
      : new Set([...arms, ...override.add].filter((arm) => !override.remove.includes(arm)));
  return ALL_ARMS.filter((arm) => chosen.has(arm));
}
