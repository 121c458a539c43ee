// The xserver's HTTP port: a free one picked for each start, or a fixed one that
// must be free (an answer from someone else's server would be taken for ours).

import { createServer } from 'node:net';

export class XserverPortError extends Error {
  override readonly name = 'XserverPortError';
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    // Loopback: the xserver listens there too, under the suite's preload (docs/security.md).
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

export async function isPortInUse(port: number): Promise<boolean> {
  try {
    await listenOnce(port);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') return true;
    throw new XserverPortError(`cannot test port ${port}: ${(error as Error).message}`, { cause: error });
  }
}

/** A port free right now (the kernel picks it). */
export function findFreePort(): Promise<number> {
  return listenOnce(0);
}

/** The configured port if free, else a clear error; a free port when none is configured. */
export async function chooseXserverPort(configured: number | null): Promise<number> {
  if (configured === null) return findFreePort();
  if (await isPortInUse(configured)) {
    throw new XserverPortError(
      `PERF_XSCHED_PORT=${configured} is already in use by another process (an xserver started by someone else?): ` +
        'stop that process, choose another port, or unset PERF_XSCHED_PORT to let the suite pick a free one',
    );
  }
  return configured;
}
