// The xserver's GET /xqueues answer: {processes:[{pid,cmdline}], xqueues:[{handle,device,
// level,pid,threshold,batch_size,ready,suspended}]} (service/server/src/server.cpp).

export interface XqueueEntry {
  /** Hex as in XSched's log ("0x7f3a..."); the JSON number is 64-bit, too wide for a JS number. */
  handle: string;
  device: string;
  level: number;
  pid: number;
  threshold: number;
  batch_size: number;
  ready: boolean;
  suspended: boolean;
}

export interface XqueuesSnapshot {
  takenAt: string;
  processes: Array<{ pid: number; cmdline: string }>;
  xqueues: XqueueEntry[];
}

export class XqueuesError extends Error {
  override readonly name = 'XqueuesError';
}

/** Rewrites 64-bit "handle"/"device" numbers as hex strings before JSON.parse rounds them. */
function quoteWideIntegers(text: string): string {
  return text.replace(/"(handle|device)"\s*:\s*(\d+)/g, (_match, field: string, digits: string) => `"${field}":"0x${BigInt(digits).toString(16)}"`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the body of GET /xqueues; throws XqueuesError saying what is off. */
export function parseXqueuesBody(text: string, takenAt: string = new Date().toISOString()): XqueuesSnapshot {
  let body: unknown;
  try {
    body = JSON.parse(quoteWideIntegers(text));
  } catch (error) {
    throw new XqueuesError(`GET /xqueues did not answer JSON: ${JSON.stringify(text.slice(0, 120))}`, { cause: error });
  }
  if (!isRecord(body) || !Array.isArray(body.processes) || !Array.isArray(body.xqueues)) {
    throw new XqueuesError(`GET /xqueues answered without "processes" and "xqueues" arrays: ${JSON.stringify(text.slice(0, 120))}`);
  }
  const processes = body.processes.filter(isRecord).map((p) => ({ pid: Number(p.pid), cmdline: String(p.cmdline ?? '') }));
  const xqueues = body.xqueues.filter(isRecord).map((q) => ({
    handle: String(q.handle),
    device: String(q.device),
    level: Number(q.level),
    pid: Number(q.pid),
    threshold: Number(q.threshold),
    batch_size: Number(q.batch_size),
    ready: q.ready === true,
    suspended: q.suspended === true,
  }));
  return { takenAt, processes, xqueues };
}

/** One GET /xqueues on the local xserver. */
export async function fetchXqueues(port: number, timeoutMs = 2_000): Promise<XqueuesSnapshot> {
  const url = `http://127.0.0.1:${port}/xqueues`;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new XqueuesError(`GET ${url} failed: ${cause}`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) throw new XqueuesError(`GET ${url} answered HTTP ${response.status}: ${JSON.stringify(text.slice(0, 120))}`);
  return parseXqueuesBody(text);
}

/** Number of XQueues each pid has in a snapshot (taken from a record, so the shape is checked again). */
export function countQueuesByPid(snapshot: unknown): Map<number, number> {
  const counts = new Map<number, number>();
  if (!isRecord(snapshot) || !Array.isArray(snapshot.xqueues)) return counts;
  for (const queue of snapshot.xqueues) {
    if (!isRecord(queue) || typeof queue.pid !== 'number') continue;
    counts.set(queue.pid, (counts.get(queue.pid) ?? 0) + 1);
  }
  return counts;
}
