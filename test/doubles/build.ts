// `npm run build:test-doubles`: builds the compiled test doubles (compiled.ts) before Vitest
// starts, as `npm test` builds the native code first; the unit project's globalSetup
// (test/setup/build-doubles.ts) then finds them built and only builds for a direct
// `vitest run`. Prints each double's binary and whether it was built or up to date.

import { relative } from 'node:path';
import { COMPILED_DOUBLES, buildCompiledDoubles, compiledDouble } from './compiled.ts';

const built = new Set(await buildCompiledDoubles());
for (const name of COMPILED_DOUBLES) {
  const path = compiledDouble(name);
  console.log(`${name}: ${relative(process.cwd(), path)} (${built.has(path) ? 'built' : 'up to date'})`);
}
