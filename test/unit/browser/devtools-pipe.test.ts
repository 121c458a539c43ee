// The DevTools pipe the browser tests drive Chromium with (test/fixtures/chromium/devtools-pipe.ts),
// against a stand-in browser made of two in-memory streams: NUL-framed JSON both ways, answers
// matched by id, events by method and session, and a closed pipe failing whatever still waits.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DevToolsPipe } from '../../fixtures/chromium/devtools-pipe.ts';

function standIn() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const sent: Array<{ id: number; method: string; sessionId?: string }> = [];
  toBrowser.setEncoding('utf8');
  toBrowser.on('data', (chunk: string) => {
    for (const frame of chunk.split('\0').filter(Boolean)) sent.push(JSON.parse(frame));
  });
  const say = (message: object, splitAt?: number): void => {
    const frame = `${JSON.stringify(message)}\0`;
    for (const piece of splitAt === undefined ? [frame] : [frame.slice(0, splitAt), frame.slice(splitAt)]) fromBrowser.write(piece);
  };
  return { pipe: new DevToolsPipe(toBrowser, fromBrowser), sent, say, close: () => fromBrowser.destroy() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DevToolsPipe', () => {
  it('matches answers to commands by id, also when a frame arrives in pieces, and reports protocol errors with the method', async () => {
    const browser = standIn();
    const first = browser.pipe.send('Target.createTarget', { url: 'about:blank' });
    const second = browser.pipe.send('Page.navigate', { url: 'file:///x' }, 'S1');
    await tick();
    expect(browser.sent.map((m) => [m.id, m.method, m.sessionId])).toEqual([[1, 'Target.createTarget', undefined], [2, 'Page.navigate', 'S1']]);
    browser.say({ id: 2, error: { code: -32000, message: 'Cannot navigate' } });
    browser.say({ id: 1, result: { targetId: 'T1' } }, 7);
    await expect(first).resolves.toEqual({ targetId: 'T1' });
    await expect(second).rejects.toThrow('Page.navigate: Cannot navigate (code -32000)');
  });

  it('delivers an event only to the session waiting for it', async () => {
    const browser = standIn();
    const loaded = browser.pipe.nextEvent('Page.loadEventFired', 'S2', 1_000);
    browser.say({ method: 'Page.loadEventFired', sessionId: 'S1', params: { timestamp: 1 } });
    browser.say({ method: 'Page.loadEventFired', sessionId: 'S2', params: { timestamp: 2 } });
    await expect(loaded).resolves.toEqual({ timestamp: 2 });
  });

  it('fails pending commands and waiting events at once when Chromium closes the pipe, and every later call', async () => {
    const browser = standIn();
    const command = browser.pipe.send('Runtime.evaluate', {}, 'S1');
    const event = browser.pipe.nextEvent('Page.loadEventFired', 'S1', 60_000);
    browser.close();
    await expect(command).rejects.toThrow('Chromium closed its DevTools pipe');
    await expect(event).rejects.toThrow('Chromium closed its DevTools pipe');
    await expect(browser.pipe.send('Browser.close')).rejects.toThrow('Chromium closed its DevTools pipe');
  });

  it('gives up on an event that does not come', async () => {
    await expect(standIn().pipe.nextEvent('Page.loadEventFired', 'S1', 20)).rejects.toThrow('no Page.loadEventFired from Chromium within 20 ms');
  });
});
