// The unit project's globalSetup (vitest.config.ts): builds the compiled test doubles once,
// before any file runs (test/doubles/compiled.ts says why they are compiled).

import { buildCompiledDoubles } from '../doubles/compiled.ts';

export default async function setup(): Promise<void> {
  await buildCompiledDoubles();
}
