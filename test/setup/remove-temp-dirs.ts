// Runs before every unit test file (vitest.config.ts setupFiles): the directories a file made
// with makeTempDir are removed when it finishes (test/fixtures/temp-dir.ts says why here).

import { afterAll } from 'vitest';
import { removeTempDirs } from '../fixtures/temp-dir.ts';

afterAll(removeTempDirs);
