// One stdout line of a worker (docs/protocol.md): READY <json>, PROGRESS <n> [key=value ...], DONE <path>.
// Anything else is kept as "other" so the caller can log it; it is not an error by itself.

export type WorkerLine =
  | { type: 'ready'; json: string }
  /** hpP99Us: the hp worker's running P99 of finished requests (field p99Us), null when not sent. */
  | { type: 'progress'; count: number; hpP99Us: number | null }
  | { type: 'done'; path: string }
  | { type: 'other'; line: string };

export function parseWorkerLine(line: string): WorkerLine {
  const text = line.replace(/\r$/, '');
  const space = text.indexOf(' ');
  const word = space === -1 ? text : text.slice(0, space);
  const rest = space === -1 ? '' : text.slice(space + 1).trim();
  if (word === 'READY' && rest !== '') return { type: 'ready', json: rest };
  if (word === 'PROGRESS') return parseProgress(rest) ?? { type: 'other', line: text };
  if (word === 'DONE' && rest !== '') return { type: 'done', path: rest };
  return { type: 'other', line: text };
}

/** The count, then optional key=value fields; unknown keys are skipped so workers may add fields. */
function parseProgress(rest: string): Extract<WorkerLine, { type: 'progress' }> | null {
  const [count, ...fields] = rest.split(/\s+/);
  if (count === undefined || !/^[0-9]+$/.test(count)) return null;
  let hpP99Us: number | null = null;
  for (const field of fields) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(field);
    if (!match) return null;
    if (match[1] === 'p99Us') {
      if (!/^[0-9]+$/.test(match[2]!)) return null;
      hpP99Us = Number(match[2]);
    }
  }
  return { type: 'progress', count: Number(count), hpP99Us };
}
