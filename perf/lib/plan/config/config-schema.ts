// The config file's shape as a schema, built from the setting table (variables.ts) so a
// new setting is in the published schemas/config.schema.json without a second list.
// The values' own rules (ranges, scenario names) stay with their parsers: config-file.ts
// reports every problem of a file at once, which one schema issue at a time would not.

import * as v from 'valibot';
import { closedObject } from '../../documents/schemas/closed-object.ts';
import { CONFIG_SCHEMA, CONFIG_SCHEMA_VERSION } from './config-file.ts';
import { SETTING_VARIABLES } from './variables.ts';

const settingValue = v.union([v.string(), v.number(), v.boolean(), v.array(v.string())]);

const settingEntries = Object.fromEntries(
  SETTING_VARIABLES.filter((variable) => variable.fileKey !== null).map((variable) => [
    variable.fileKey as string,
    v.optional(v.pipe(settingValue, v.description(`${variable.env}: ${variable.accepted}`))),
  ]),
);

export const ConfigFileSchema = closedObject({
  schema: v.optional(v.literal(CONFIG_SCHEMA)),
  schemaVersion: v.optional(v.literal(CONFIG_SCHEMA_VERSION)),
  ...settingEntries,
});
