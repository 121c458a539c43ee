// listenForStops (perf/lib/suite/stop-triggers.ts) while a run listens for stops: a closed
// stdout or stderr (EPIPE: the Vitest main process that read them is gone) must not kill the
// process before it saves run.json; any other stream error still surfaces. Nor may a closed IPC
// channel: Vitest's fork exits on it (node_modules/vitest/dist/chunks/init-forks.*.js).

import { describe, expect, it } from 'vitest';
import { listenForStops } from '../../../perf/lib/suite/stop-triggers.ts';

// Node's types name no 'error' event on process (it is emitted on IPC failures).
const processEvents: NodeJS.EventEmitter = process;
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

  it('turns a closed IPC channel into "parent gone" instead of the earlier process error listeners, and restores them on dispose', () => {
    const earlier: unknown[] = [];
    // A test double for Vitest's fork handler, which would call process.exit(1).
    const earlierListener = (error: unknown): void => void earlier.push(error);
    processEvents.on('error', earlierListener);
    const before = processEvents.listeners('error');
    const abort = new AbortController();
    const triggers = listenForStops(abort);
    try {
      processEvents.emit('error', streamError('ERR_IPC_CHANNEL_CLOSED'));
      expect(earlier).toEqual([]);
      expect(triggers.parentGone).toBe(true);
      expect(String(abort.signal.reason)).toContain('parent process is gone (a message to it failed with ERR_IPC_CHANNEL_CLOSED)');
      processEvents.emit('error', streamError('EPIPE'));
      expect(earlier).toEqual([]);
      const other = streamError('EINVAL');
      processEvents.emit('error', other);
      expect(earlier).toEqual([other]);
    } finally {
      triggers.dispose();
      expect(processEvents.listeners('error')).toEqual(before);
      processEvents.off('error', earlierListener);
    }
  });
});
