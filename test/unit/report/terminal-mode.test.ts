import { describe, expect, it } from 'vitest';
import { isInteractiveTerminal } from '../../../perf/lib/output/report/terminal-mode.ts';
import { shouldUseColor } from '../../../perf/lib/output/report/terminal-summary.ts';

describe('isInteractiveTerminal', () => {
  it('is true on a TTY and in a Vitest worker whose parent has one (FORCE_TTY=true)', () => {
    expect(isInteractiveTerminal({ isTTY: true }, {})).toBe(true);
    // A Vitest worker: isTTY undefined, FORCE_TTY set by Vitest from its own stdout.
    expect(isInteractiveTerminal({}, { FORCE_TTY: 'true' })).toBe(true);
  });

  it('is false in a log or a pipe, with Vitest saying so (FORCE_TTY=""), and with TERM=dumb', () => {
    expect(isInteractiveTerminal({}, {})).toBe(false);
    expect(isInteractiveTerminal({ isTTY: false }, { FORCE_TTY: '' })).toBe(false);
    expect(isInteractiveTerminal({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(isInteractiveTerminal({}, { FORCE_TTY: 'true', TERM: 'dumb' })).toBe(false);
  });

  it('gives colours inside a Vitest worker on a terminal, still never with NO_COLOR', () => {
    expect(shouldUseColor({}, { FORCE_TTY: 'true' })).toBe(true);
    expect(shouldUseColor({}, { FORCE_TTY: 'true', NO_COLOR: '1' })).toBe(false);
  });
});
