// The last lines of a worker's log file, for failure messages; never throws
// (a missing log is itself worth saying, but must not hide the failure it explains).

import { readFile } from 'node:fs/promises';

export async function readLastLogLines(logPath: string, lineCount = 20): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(logPath, 'utf8');
  } catch (cause) {
    return [`(log ${logPath} could not be read: ${(cause as Error).message})`];
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-lineCount);
}

/** The worker's own one-line error ("xsched-perf-worker: error: ..."), the last one if several. */
export function findWorkerErrorLine(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line.includes('xsched-perf-worker: error:')) return line.trim();
  }
  return null;
}
