// `npm run build:test-doubles`: builds the compiled test doubles (compiled.ts) before Vitest
// starts, as `npm test` builds the native code first; the unit project's globalSetup
// (test/setup/build-doubles.ts) then finds them built and only builds for a direct
// `vitest run`. Prints what it built, or that every double was up to date.

import { relative } from 'node:path';
import { COMPILED_DOUBLES, buildCompiledDoubles } from './compiled.ts';

const built = await buildCompiledDoubles();
const names = built.map((path) => relative(process.cwd(), path));
console.log(built.length > 0 ? `built ${names.join(', ')}` : `test doubles up to date: ${COMPILED_DOUBLES.join(', ')}`);
