// Reads the recorded / documented tool outputs of test/fixtures/environment.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/environment/', import.meta.url));
export const H200_UUID = 'GPU-5a42a730-3b10-43c7-c5fd-7180830df355';

export const readFixture = (name: string): string => readFileSync(`${FIXTURE_DIR}${name}`, 'utf8');
