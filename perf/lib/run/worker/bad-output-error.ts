// A worker's READY line or result file did not follow docs/protocol.md.
// The message names the source and the offending field, so a reader can fix the worker.

export class BadOutputError extends Error {
  override readonly name = 'BadOutputError';

  constructor(
    /** Where the bad output came from, e.g. "READY line of the hp worker" or a result file path. */
    readonly source: string,
    /** Dotted path of the offending field ("gpu.uuid", "requests[3][1]"); "" for the whole document. */
    readonly field: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${field === '' ? 'document' : `field "${field}"`} ${problem}`, options);
  }
}

/** For schema readers: throws a BadOutputError for `source` naming the field. */
export function failInOutput(source: string): (found: { field: string; problem: string }) => never {
  return ({ field, problem }) => {
    throw new BadOutputError(source, field, problem);
  };
}
