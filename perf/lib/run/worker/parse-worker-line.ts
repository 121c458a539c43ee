// One stdout line of a worker (docs/protocol.md): READY <json>, PROGRESS <n>, DONE <path>.
// Anything else is kept as "other" so the caller can log it; it is not an error by itself.

export type WorkerLine =
  | { type: 'ready'; json: string }
  | { type: 'progress'; count: number }
  | { type: 'done'; path: string }
  | { type: 'other'; line: string };

export function parseWorkerLine(line: string): WorkerLine {
  const text = line.replace(/\r$/, '');
  const space = text.indexOf(' ');
  const word = space === -1 ? text : text.slice(0, space);
  const rest = space === -1 ? '' : text.slice(space + 1).trim();
  if (word === 'READY' && rest !== '') return { type: 'ready', json: rest };
  if (word === 'PROGRESS' && /^[0-9]+$/.test(rest)) return { type: 'progress', count: Number(rest) };
  if (word === 'DONE' && rest !== '') return { type: 'done', path: rest };
  return { type: 'other', line: text };
}
