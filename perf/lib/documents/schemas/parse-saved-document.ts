// How a reader takes back a document the suite saved: the header first ({schema,
// schemaVersion}: an old or foreign file gets a precise message), then the whole schema, with
// errors naming the file and field. The header's name and version come from the schema's own
// literals, so a reader cannot check one version and parse another.

import type * as v from 'valibot';
import { readJsonRoot } from '../fs/json-fields.ts';
import { failInFile } from '../fs/read-json-file.ts';
import { checkSchemaHeader } from '../fs/schema-header.ts';
import { parseDocument } from './first-problem.ts';

type SavedDocumentSchema = v.GenericSchema & {
  entries: { schema: v.LiteralSchema<string, undefined>; schemaVersion: v.LiteralSchema<number, undefined> };
};

/** `value` (parsed JSON of `file`) as the schema's output; `whenOld` says what to do about a file from an older suite. */
export function parseSavedDocument<S extends SavedDocumentSchema>(file: string, value: unknown, schema: S, whenOld: string): v.InferOutput<S> {
  const { entries } = schema;
  checkSchemaHeader(readJsonRoot(file, value).asObject(), entries.schema.literal, entries.schemaVersion.literal, whenOld);
  return parseDocument(schema, value, failInFile(file));
}
