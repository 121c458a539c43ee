// An object whose keys come from a fixed list, each optional (Partial<Record<K, T>>). Written
// as an object of optional entries, not v.record, so the JSON Schema lists the keys by name.

import * as v from 'valibot';
import { closedObject } from './closed-object.ts';

type OptionalEntries<K extends string, T extends v.GenericSchema> = { [P in K]: v.OptionalSchema<T, undefined> };

function entriesFor<K extends string, T extends v.GenericSchema>(keys: readonly K[], value: T): OptionalEntries<K, T> {
  return Object.fromEntries(keys.map((key) => [key, v.optional(value)])) as OptionalEntries<K, T>;
}

/** Unknown keys are dropped (documents the suite reads back, like run.json). */
export function optionalKeys<K extends string, T extends v.GenericSchema>(keys: readonly K[], value: T) {
  return v.object(entriesFor(keys, value));
}

/** Unknown keys are an error (a misspelt arm in a baseline must not be ignored). */
export function strictOptionalKeys<K extends string, T extends v.GenericSchema>(keys: readonly K[], value: T) {
  return closedObject(entriesFor(keys, value));
}
