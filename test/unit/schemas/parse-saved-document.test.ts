// parseSavedDocument (perf/lib/documents/schemas/parse-saved-document.ts): the header is
// checked before the body, with the name and version read from the schema's own literals.

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseSavedDocument } from '../../../perf/lib/documents/schemas/parse-saved-document.ts';

const TestDocSchema = v.object({
  schema: v.literal('xsched-perf.test-doc'),
  schemaVersion: v.literal(3),
  count: v.number(),
});
const parse = (value: unknown) => parseSavedDocument('doc.json', value, TestDocSchema, 'make it again');

describe('parseSavedDocument', () => {
  it('returns the parsed document when header and body match', () => {
    expect(parse({ schema: 'xsched-perf.test-doc', schemaVersion: 3, count: 2 })).toEqual({ schema: 'xsched-perf.test-doc', schemaVersion: 3, count: 2 });
  });

  it('names an older version with the advice before it looks at the body', () => {
    expect(() => parse({ schema: 'xsched-perf.test-doc', schemaVersion: 2 })).toThrow(/schemaVersion 2 is older than this suite's 3: make it again/);
  });

  it('refuses a newer version and a foreign document by their header', () => {
    expect(() => parse({ schema: 'xsched-perf.test-doc', schemaVersion: 4, count: 1 })).toThrow(/is newer than this suite's 3/);
    expect(() => parse({ schema: 'xsched-perf.other', schemaVersion: 3, count: 1 })).toThrow(/"xsched-perf.test-doc" \(is this the right file\?\)/);
  });

  it('names the file and the field of a body problem', () => {
    expect(() => parse({ schema: 'xsched-perf.test-doc', schemaVersion: 3, count: 'two' })).toThrow(/doc\.json.*count/);
  });
});
