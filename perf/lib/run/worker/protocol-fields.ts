// Typed field readers for validating protocol JSON (READY fingerprint, result file).
// Each throws BadOutputError naming the dotted field path and quoting the value found.

import { describeJson } from '../../documents/schemas/first-problem.ts';
import { BadOutputError } from './bad-output-error.ts';

export { describeJson };

export type JsonObject = Record<string, unknown>;

/** Reads fields of one JSON object; `prefix` is the object's own path ("" at the root). */
export class FieldReader {
  constructor(
    readonly source: string,
    readonly value: JsonObject,
    readonly prefix = '',
  ) {}

  static fromUnknown(source: string, value: unknown, prefix = ''): FieldReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BadOutputError(source, prefix, `must be a JSON object, got ${describeJson(value)}`);
    }
    return new FieldReader(source, value as JsonObject, prefix);
  }

  /** Parses JSON text whose top level must be an object (a READY line, a probe's output). */
  static fromJsonText(source: string, text: string): FieldReader {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      throw new BadOutputError(source, '', `is not valid JSON (${(cause as Error).message})`, { cause });
    }
    return FieldReader.fromUnknown(source, parsed);
  }

  path(key: string): string {
    return this.prefix === '' ? key : `${this.prefix}.${key}`;
  }

  fail(key: string, problem: string): never {
    throw new BadOutputError(this.source, this.path(key), problem);
  }

  raw(key: string): unknown {
    if (!(key in this.value)) this.fail(key, 'is missing');
    return this.value[key];
  }

  object(key: string): FieldReader {
    return FieldReader.fromUnknown(this.source, this.raw(key), this.path(key));
  }

  string(key: string): string {
    const v = this.raw(key);
    if (typeof v !== 'string' || v === '') this.fail(key, `must be a non-empty string, got ${describeJson(v)}`);
    return v;
  }

  nullableString(key: string): string | null {
    const v = this.raw(key);
    if (v === null) return null;
    if (typeof v !== 'string') this.fail(key, `must be a string or null, got ${describeJson(v)}`);
    return v;
  }

  boolean(key: string): boolean {
    const v = this.raw(key);
    if (typeof v !== 'boolean') this.fail(key, `must be true or false, got ${describeJson(v)}`);
    return v;
  }

  nullableBoolean(key: string): boolean | null {
    const v = this.raw(key);
    if (v === null) return null;
    if (typeof v !== 'boolean') this.fail(key, `must be true, false or null, got ${describeJson(v)}`);
    return v;
  }

  number(key: string): number {
    const v = this.raw(key);
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(key, `must be a finite number, got ${describeJson(v)}`);
    return v;
  }

  integer(key: string, min = Number.MIN_SAFE_INTEGER): number {
    const v = this.raw(key);
    if (!Number.isSafeInteger(v) || (v as number) < min) {
      this.fail(key, `must be an integer >= ${min}, got ${describeJson(v)}`);
    }
    return v as number;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.raw(key);
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(key, `must be one of ${allowed.join(', ')}, got ${describeJson(v)}`);
    }
    return v as T;
  }

  /** A non-negative decimal integer string (absolute nanoseconds). */
  decimalString(key: string): string {
    const v = this.raw(key);
    if (typeof v !== 'string' || !/^(0|[1-9][0-9]*)$/.test(v)) {
      this.fail(key, `must be a decimal integer string, got ${describeJson(v)}`);
    }
    return v;
  }

  stringArray(key: string): string[] {
    const v = this.raw(key);
    if (!Array.isArray(v)) this.fail(key, `must be an array of strings, got ${describeJson(v)}`);
    v.forEach((item, i) => {
      if (typeof item !== 'string') this.fail(`${key}[${i}]`, `must be a string, got ${describeJson(item)}`);
    });
    return v as string[];
  }
}
