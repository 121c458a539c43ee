// `npm run build:test-doubles`: builds the compiled test doubles (compiled.ts) before Vitest
// starts, as `npm test` builds the native code first; the unit project's globalSetup
// (test/setup/build-doubles.ts) then finds them built and only builds for a direct
// `vitest run`. Prints each double's binary and whether it was built or up to date.

import { relative } from 'node:path';
import { buildCompiledDoubles } from './compiled.ts';

for (const { name, binary, built } of await buildCompiledDoubles()) {
  console.log(`${name}: ${relative(process.cwd(), binary)} (${built ? 'built' : 'up to date'})`);
}
