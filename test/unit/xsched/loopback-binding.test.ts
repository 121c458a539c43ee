// The loopback guard of the xserver's control API (docs/security.md): the preload library
// is found or its absence explained, a static executable is refused, and the listening-socket
// check reads the kernel's tables (here a fake /proc tree, as /proc/<pid>/net/tcp writes them).

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkApiBinding, isLoopbackAddress } from '../../../perf/lib/run/xsched/api-binding.ts';
import { assertPreloadReaches, locateLoopbackPreload } from '../../../perf/lib/run/xsched/loopback-preload.ts';

const scratch = mkdtempSync(join(tmpdir(), 'xsched-perf-loopback-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A 64-bit little-endian ELF header with one program header of type `type` (3 = PT_INTERP). */
function elfWithProgramHeader(type: number): string {
  const bytes = Buffer.alloc(64 + 56);
  bytes.write('\x7fELF', 0, 'latin1');
  bytes[4] = 2; // 64-bit
  bytes[5] = 1; // little-endian
  bytes.writeBigUInt64LE(64n, 0x20); // e_phoff
  bytes.writeUInt16LE(56, 0x36); // e_phentsize
  bytes.writeUInt16LE(1, 0x38); // e_phnum
  bytes.writeUInt32LE(type, 64);
  const path = join(scratch, `elf-${type}`);
  writeFileSync(path, bytes);
  return path;
}

describe('the loopback preload library', () => {
  it('is looked for in the native build directories, and its absence says how to build it', () => {
    expect(() => locateLoopbackPreload(scratch)).toThrow(/no libxsp-loopback-bind\.so in .*native\/build\/nvidia.*: run `npm run build:native`/);
  });

  it('is refused for a statically linked executable, which LD_PRELOAD cannot reach', () => {
    expect(() => assertPreloadReaches(elfWithProgramHeader(1))).toThrow(/is statically linked \(its ELF file has no interpreter\)/);
    expect(() => assertPreloadReaches(elfWithProgramHeader(3))).not.toThrow();
    expect(() => assertPreloadReaches(process.execPath)).not.toThrow(); // node: a dynamic executable
  });
});

function fakeProc(pid: number, inodes: string[], tcp: string[], tcp6: string[]): string {
  const root = join(scratch, `proc-${pid}`);
  mkdirSync(join(root, String(pid), 'fd'), { recursive: true });
  mkdirSync(join(root, String(pid), 'net'));
  inodes.forEach((inode, fd) => symlinkSync(`socket:[${inode}]`, join(root, String(pid), 'fd', String(fd + 3))));
  const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
  writeFileSync(join(root, String(pid), 'net', 'tcp'), header + tcp.join('\n'));
  writeFileSync(join(root, String(pid), 'net', 'tcp6'), header + tcp6.join('\n'));
  return root;
}

const line = (local: string, state: string, inode: string): string =>
  `   0: ${local} 00000000:0000 ${state} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} 1 0000000000000000 100 0 0 10 0`;

describe('checkApiBinding', () => {
  it('accepts a process whose only listening socket is 127.0.0.1 on the port, ignoring other processes\' sockets', () => {
    const root = fakeProc(10, ['111'], [line('0100007F:1F90', '0A', '111'), line('00000000:1F91', '0A', '999')], []);
    expect(checkApiBinding(10, 8080, '/lib/x.so', root)).toMatchObject({ loopbackOnly: true, listening: [{ address: '127.0.0.1', port: 8080 }], problem: null });
  });

  it('refuses a socket on 0.0.0.0 or [::], and one whose port is not the API\'s', () => {
    const wildcard = fakeProc(11, ['111', '112'], [line('00000000:1F90', '0A', '111')], [line('00000000000000000000000000000000:1F92', '0A', '112')]);
    const result = checkApiBinding(11, 8080, '/lib/x.so', wildcard);
    expect(result.loopbackOnly).toBe(false);
    expect(result.problem).toMatch(/listens on 0\.0\.0\.0:8080, :::8082, not loopback only, although \/lib\/x\.so was preloaded/);
    const elsewhere = fakeProc(12, ['111'], [line('0100007F:1F91', '0A', '111')], []);
    expect(checkApiBinding(12, 8080, '/lib/x.so', elsewhere).problem).toMatch(/no listening socket on port 8080/);
  });

  it('decodes ::1 from /proc/net/tcp6 and knows loopback addresses', () => {
    const root = fakeProc(13, ['120'], [], [line('00000000000000000000000001000000:1F90', '0A', '120'), line('00000000000000000000000001000000:1F93', '01', '120')]);
    expect(checkApiBinding(13, 8080, '/lib/x.so', root).listening).toEqual([{ address: '::1', port: 8080 }]);
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:7f00:1'].every(isLoopbackAddress)).toBe(true);
    expect(['0.0.0.0', '192.0.2.2', '::', 'fd00::2'].some(isLoopbackAddress)).toBe(false);
  });
});
