// Comma-separated PERF_SWEEP_* lists, validated where they enter (docs/sweeps.md).

import { SweepConfigError } from './sweep-errors.ts';

/** The items of a list; [] when unset. Throws on an empty or repeated item, quoting the value. */
export function sweepList(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return [];
  const items = raw.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new SweepConfigError(`${name}=${JSON.stringify(env[name])} has an empty item: give a comma-separated list such as 1,2,4`);
  const repeated = items.find((s, i) => items.indexOf(s) !== i);
  if (repeated !== undefined) throw new SweepConfigError(`${name}=${JSON.stringify(env[name])} lists ${repeated} twice: each point runs once per trial`);
  return items;
}

export function integerList(env: NodeJS.ProcessEnv, name: string, min: number, max: number, what: string): number[] {
  return sweepList(env, name).map((item) => {
    const value = Number(item);
    if (!/^\d+$/.test(item) || value < min || value > max) {
      throw new SweepConfigError(`${name}=${JSON.stringify(env[name])}: ${JSON.stringify(item)} is not ${what}, an integer from ${min} to ${max}`);
    }
    return value;
  });
}
