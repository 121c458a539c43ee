// Where protocol JSON (READY fingerprint, result file, probe) enters: parsed, required to be
// an object, and a BadOutputError naming the dotted field path for the schema readers.

import { describeJson } from '../../documents/schemas/first-problem.ts';
import { BadOutputError } from './bad-output-error.ts';

export type JsonObject = Record<string, unknown>;

/** One JSON object of protocol output; `prefix` is the object's own path ("" at the root). */
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
}
