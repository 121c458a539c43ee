// Parsers for setting values given as text (environment) or converted to text
// (config file). Each returns undefined for a value it rejects; the caller's
// message quotes the value and says what the variable accepts.

import type { ValueRange } from '../scenarios/field-ranges.ts';

const DECIMAL_INTEGER = /^\+?\d+$/;
const DECIMAL_NUMBER = /^\+?(\d+(\.\d*)?|\.\d+)$/;

export function parseIntegerIn(min: number, max: number): (raw: string) => number | undefined {
  return (raw) => {
    if (!DECIMAL_INTEGER.test(raw)) return undefined;
    const value = Number(raw);
    return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
  };
}

/** A decimal number with min < value <= max (no exponents, no hex: they are usually typos). */
export function parseNumberAbove(min: number, max: number): (raw: string) => number | undefined {
  return (raw) => {
    if (!DECIMAL_NUMBER.test(raw)) return undefined;
    const value = Number(raw);
    return value > min && value <= max ? value : undefined;
  };
}

/** A value of a scenario field's range (perf/lib/plan/scenarios/field-ranges.ts), given as text. */
export function parseInRange(range: ValueRange): (raw: string) => number | undefined {
  return range.kind === 'integer' ? parseIntegerIn(range.min, range.max) : parseNumberAbove(range.min, range.max);
}

export function parseOneOf<T extends string>(allowed: readonly T[]): (raw: string) => T | undefined {
  return (raw) => (allowed.includes(raw as T) ? (raw as T) : undefined);
}

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];
export const BOOLEAN_ACCEPTED = `one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')}`;

export function parseBoolean(raw: string): boolean | undefined {
  const word = raw.toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return undefined;
}

/** A comma list of distinct items from `allowed` (at least one). */
export function parseDistinctList<T extends string>(allowed: readonly T[]): (raw: string) => T[] | undefined {
  return (raw) => {
    const items = raw.split(',').map((item) => item.trim());
    if (items.some((item) => !allowed.includes(item as T))) return undefined;
    if (new Set(items).size !== items.length) return undefined;
    return items as T[];
  };
}

export function parseNonEmptyText(raw: string): string | undefined {
  return raw.length > 0 ? raw : undefined;
}
