// npm run schemas:write: regenerates schemas/*.schema.json from the valibot schemas.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchemas, SCHEMA_DIR } from './schemas/render-json-schemas.ts';

mkdirSync(SCHEMA_DIR, { recursive: true });
for (const [file, text] of renderJsonSchemas()) {
  writeFileSync(join(SCHEMA_DIR, file), text);
  console.log(`wrote ${join(SCHEMA_DIR, file)}`);
}
