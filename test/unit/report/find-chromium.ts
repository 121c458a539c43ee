// Locates a headless-capable Chromium for the browser test: CHROMIUM_PATH, or
// the first of the usual names on PATH (Debian's package installs `chromium`).

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return null;
}

/** Flags for a quiet, sandbox-free, network-free headless run in a throwaway profile. */
export function headlessChromiumFlags(userDataDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--hide-scrollbars',
    `--user-data-dir=${userDataDir}`,
    '--virtual-time-budget=5000',
  ];
}

/** Opens a page once, writes its screenshot and returns its DOM after its scripts ran: one
 * Chromium start for both, since each start costs seconds on a 2-core machine. */
export async function openInChromium(browser: string, userDataDir: string, page: { htmlPath: string; screenshotPath: string; windowSize: string }): Promise<string> {
  const flags = [...headlessChromiumFlags(userDataDir), `--window-size=${page.windowSize}`, `--screenshot=${page.screenshotPath}`, '--dump-dom'];
  const { stdout } = await execa(browser, [...flags, pathToFileURL(page.htmlPath).href], { timeout: 90_000 });
  return stdout;
}
