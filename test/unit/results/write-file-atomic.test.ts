import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, rename, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type AtomicWriteFs, writeFileAtomic } from '../../../perf/lib/documents/fs/write-file-atomic.ts';
import { makeTempDir } from '../../fixtures/temp-dir.ts';

type Observation = { event: 'sync' } | { event: 'rename'; to: string; targetContent: string; sourceLength: number };
const observed: Observation[] = [];

// Watch the two steps that make the write atomic: the flush of the temporary file and
// the rename over the target (the real calls still run).
const observingFs: AtomicWriteFs = {
  open: (async (...args: Parameters<typeof open>) => {
    const handle = await open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      observed.push({ event: 'sync' });
      return sync();
    };
    return handle;
  }) as typeof open,
  rename: async (from, to) => {
    let targetContent = '';
    try {
      targetContent = readFileSync(to, 'utf8');
    } catch {
      targetContent = '(absent)';
    }
    observed.push({ event: 'rename', to: String(to), targetContent, sourceLength: readFileSync(from, 'utf8').length });
    return rename(from, to);
  },
  rm,
};

const newDir = () => makeTempDir('atomic-');

describe('writeFileAtomic', () => {
  it('changes the target only by renaming a complete, flushed file over it', async () => {
    const dir = newDir();
    const file = join(dir, 'run.json');
    const after = 'b'.repeat(4 * 1024 * 1024);
    writeFileSync(file, 'old');
    observed.length = 0;
    await writeFileAtomic(file, after, observingFs);
    const rename = observed.find((e) => e.event === 'rename');
    // At the moment of the rename the target still held the old bytes and the source held all new bytes.
    expect(rename).toMatchObject({ targetContent: 'old', sourceLength: after.length, to: file });
    expect(observed.map((e) => e.event)).toEqual(['sync', 'rename']);
    expect(readFileSync(file, 'utf8')).toBe(after);
    expect(readdirSync(dir)).toEqual(['run.json']);
  });

  it('leaves an existing file as it was when writing fails, and no temporary file behind', async () => {
    const dir = newDir();
    const file = join(dir, 'baseline.json');
    writeFileSync(file, '{"old":true}');
    // A value writeFile rejects makes the write fail after the temporary file exists.
    await expect(writeFileAtomic(file, 42 as unknown as string)).rejects.toThrow(`could not write ${file}`);
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(dir)).toEqual(['baseline.json']);
  });

  it('leaves the target untouched when the final rename fails', async () => {
    const dir = newDir();
    const target = join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow(`could not write ${target}`);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['occupied']);
  });
});
