// Runs before every unit test file (vitest.config.ts setupFiles) and does nothing unless
// XSP_TEST_CPU_LOG names a file: then it appends the CPU this file's tests took in the Vitest
// worker and in the child processes they reaped (`npm run bench:tests -- --cpu`,
// scripts/bench-tests/cpu-per-file.ts).

import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { formatCpuLine, parseProcStatCpu, type CpuReading } from '../../scripts/bench-tests/cpu-per-file.ts';

const log = process.env.XSP_TEST_CPU_LOG;
if (log !== undefined && log !== '') {
  const read = (): CpuReading => parseProcStatCpu(readFileSync('/proc/self/stat', 'utf8'));
  let start: CpuReading;
  beforeAll(() => {
    start = read();
  });
  afterAll(() => {
    const end = read();
    const file = expect.getState().testPath ?? '(unknown file)';
    appendFileSync(log, formatCpuLine({ file, ownS: end.ownS - start.ownS, childrenS: end.childrenS - start.childrenS }));
  });
}
