// Reads fields out of parsed JSON with their path, so every schema problem in a
// saved file names the file, the field and what was found there.

import { JsonFileError } from './read-json-file.ts';

export interface NumberRule {
  integer?: boolean;
  min?: number;
}

/** A short, quoted rendering of what was found, for error messages. */
export function describeJsonValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export class JsonValue {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly value: unknown,
  ) {}

  fail(expected: string): never {
    throw new JsonFileError(this.file, this.field || '(top level)', `expected ${expected}, got ${describeJsonValue(this.value)}`);
  }

  asObject(): JsonObject {
    const v = this.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail('an object');
    return new JsonObject(this.file, this.field, v as Record<string, unknown>);
  }

  asArray(): JsonValue[] {
    if (!Array.isArray(this.value)) this.fail('an array');
    return (this.value as unknown[]).map((item, i) => new JsonValue(this.file, `${this.field}[${i}]`, item));
  }

  asString(): string {
    if (typeof this.value !== 'string') this.fail('a string');
    return this.value as string;
  }

  asNumber(rule: NumberRule = {}): number {
    const v = this.value;
    const kind = rule.integer ? 'an integer' : 'a finite number';
    const expected = rule.min !== undefined ? `${kind} >= ${rule.min}` : kind;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(expected);
    if (rule.integer && !Number.isInteger(v)) this.fail(expected);
    if (rule.min !== undefined && v < rule.min) this.fail(expected);
    return v;
  }
}

export class JsonObject {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly value: Record<string, unknown>,
  ) {}

  get(key: string): JsonValue {
    return new JsonValue(this.file, this.field ? `${this.field}.${key}` : key, this.value[key]);
  }

  string(key: string): string {
    return this.get(key).asString();
  }

  array(key: string): JsonValue[] {
    return this.get(key).asArray();
  }
}

/** The top level of a parsed JSON file. */
export function readJsonRoot(file: string, value: unknown): JsonValue {
  return new JsonValue(file, '', value);
}
