// A strict object whose unknown-field message lists the known fields: a misspelt field in a
// baseline or in the worker's output must be an error that says what was meant.

import * as v from 'valibot';

export function closedObject<E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, `unknown field; known fields here: ${Object.keys(entries).join(', ')}`);
}
