// Where the xserver's HTTP control API really listens, read from the kernel: the
// listening TCP sockets in /proc/<pid>/net/tcp{,6} whose inode is one of the
// process's own file descriptors (/proc/<pid>/fd). The suite runs the xsched arm only
// when every one of them is on loopback (docs/security.md).

import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiBindingEvidence } from '../../documents/types/run-record.ts';

const TCP_LISTEN = '0A';

function socketInodes(pid: number, procRoot: string): Set<string> {
  const inodes = new Set<string>();
  const fdDir = join(procRoot, String(pid), 'fd');
  for (const fd of readdirSync(fdDir)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(join(fdDir, fd)));
      if (match) inodes.add(match[1] as string);
    } catch {
      // closed between the listing and the readlink
    }
  }
  return inodes;
}

/** /proc/net/tcp writes each 32-bit word of the address in host (little-endian) order. */
function decodeAddress(hex: string): string {
  const bytes = Buffer.alloc(hex.length / 2);
  for (let word = 0; word < hex.length / 8; word++) bytes.writeUInt32LE(parseInt(hex.slice(word * 8, word * 8 + 8), 16), word * 4);
  if (bytes.length === 4) return [...bytes].join('.');
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16));
  // The longest run of two or more zero groups becomes "::" (RFC 5952).
  let best = { start: 0, length: 0 };
  for (let i = 0; i < 8; ) {
    let end = i;
    while (end < 8 && groups[end] === '0') end++;
    if (end - i > best.length) best = { start: i, length: end - i };
    i = Math.max(end, i + 1);
  }
  if (best.length < 2) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

export function isLoopbackAddress(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || /^::ffff:7f/.test(address);
}

export interface ListeningSocket {
  address: string;
  port: number;
}

export function listeningSocketsOf(pid: number, procRoot = '/proc'): ListeningSocket[] {
  const inodes = socketInodes(pid, procRoot);
  const sockets: ListeningSocket[] = [];
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(join(procRoot, String(pid), 'net', table), 'utf8');
    } catch {
      continue; // no IPv6 in this kernel
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (local === undefined || state !== TCP_LISTEN || inode === undefined || !inodes.has(inode)) continue;
      const [addressHex, portHex] = local.split(':') as [string, string];
      sockets.push({ address: decodeAddress(addressHex), port: parseInt(portHex, 16) });
    }
  }
  return sockets;
}

/** The evidence for the run record, with `problem` set when anything listens off loopback or the API port is not found. */
export function checkApiBinding(pid: number, port: number, preloadPath: string, procRoot = '/proc'): ApiBindingEvidence {
  const listening = listeningSocketsOf(pid, procRoot);
  const exposed = listening.filter((s) => !isLoopbackAddress(s.address));
  const onPort = listening.filter((s) => s.port === port);
  let problem: string | null = null;
  if (exposed.length > 0) {
    problem = `xserver pid ${pid} listens on ${exposed.map((s) => `${s.address}:${s.port}`).join(', ')}, not loopback only, although ${preloadPath} was preloaded`;
  } else if (onPort.length === 0) {
    problem = `xserver pid ${pid} has no listening socket on port ${port} in /proc/${pid}/net/tcp{,6} (found: ${JSON.stringify(listening)})`;
  }
  return {
    loopbackOnly: problem === null,
    listening,
    preloadPath,
    verifiedBy: `/proc/${pid}/net/tcp and tcp6, LISTEN sockets whose inode is in /proc/${pid}/fd`,
    problem,
  };
}
