// Whether a stream reaches a person's terminal, for colours and the in-place progress line.
// Inside Vitest's workers stdout and stderr are not TTYs (isTTY is undefined) even when the
// run is watched in a terminal; Vitest tells its workers through FORCE_TTY ("true" when its
// own stdout is a TTY, "" otherwise: vitest/dist/chunks/cli-api.*.js, resolveOptions).

export interface TerminalStream {
  isTTY?: boolean;
}

/** A real TTY, or a Vitest worker whose parent's stdout is one; never with TERM=dumb. */
export function isInteractiveTerminal(stream: TerminalStream, env: Record<string, string | undefined>): boolean {
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true || env.FORCE_TTY === 'true';
}
