// listenForStops (perf/lib/suite/stop-triggers.ts) while a run listens for stops: a closed
// stdout or stderr (EPIPE: the Vitest main process that read them is gone) must not kill the
// process before it saves run.json; any other stream error still surfaces.

import { describe, expect, it } from 'vitest';
import { listenForStops } from '../../../perf/lib/suite/stop-triggers.ts';

const streamError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`write ${code}`), { code });

describe('listenForStops and closed output', () => {
  it('absorbs EPIPE on stdout and stderr while listening, and stops doing so once disposed', () => {
    const before = [process.stdout.listenerCount('error'), process.stderr.listenerCount('error')];
    const triggers = listenForStops(new AbortController());
    try {
      expect(() => process.stderr.emit('error', streamError('EPIPE'))).not.toThrow();
      expect(() => process.stdout.emit('error', streamError('EPIPE'))).not.toThrow();
      expect(() => process.stderr.emit('error', streamError('EIO'))).toThrow('write EIO');
    } finally {
      triggers.dispose();
    }
    expect([process.stdout.listenerCount('error'), process.stderr.listenerCount('error')]).toEqual(before);
  });
});
