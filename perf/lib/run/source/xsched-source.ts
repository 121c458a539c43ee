// The XSched install's version: from its own files when they carry one, else what the user
// says in PERF_XSCHED_VERSION, else "unknown". XSched's install (bin/, lib/) has no version
// file of its own, so a git commit of the tree it sits in is the usual answer, unless that
// tree is the suite's own checkout: an install kept inside it (as the development kit of
// docs/gpu-results.md section 21 was) would otherwise carry the suite's commit as XSched's.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { XschedSource } from '../../documents/types/run-source.ts';
import { gitTopLevel, readGitSource } from './git-source.ts';

const VERSION_FILES = ['VERSION', 'version.txt', join('share', 'xsched', 'VERSION')];

function readVersionFile(root: string): { version: string; from: string } | null {
  for (const name of VERSION_FILES) {
    try {
      const text = readFileSync(join(root, name), 'utf8').trim().split('\n')[0]?.trim() ?? '';
      if (text !== '') return { version: text, from: `${name} in XSCHED_ROOT` };
    } catch {
      // Not there: try the next marker.
    }
  }
  return null;
}

/** CMake package version files (lib/cmake/<pkg>/<pkg>ConfigVersion.cmake) set PACKAGE_VERSION. */
function readCmakeVersion(root: string): { version: string; from: string } | null {
  const cmakeDir = join(root, 'lib', 'cmake');
  let packages: string[];
  try {
    packages = readdirSync(cmakeDir);
  } catch {
    return null;
  }
  for (const pkg of packages) {
    let files: string[];
    try {
      files = readdirSync(join(cmakeDir, pkg)).filter((f) => /ConfigVersion\.cmake$/i.test(f));
    } catch {
      continue;
    }
    for (const file of files) {
      const match = /set\(PACKAGE_VERSION\s+"([^"]+)"\)/.exec(readFileSync(join(cmakeDir, pkg, file), 'utf8'));
      if (match?.[1]) return { version: match[1], from: join('lib', 'cmake', pkg, file) };
    }
  }
  return null;
}

/**
 * The source of the install at `root`; `env` gives PERF_XSCHED_VERSION; `suiteCheckout` is the
 * suite's own git checkout (its top folder), whose commit is never XSched's.
 */
export async function readXschedSource(root: string, env: Record<string, string | undefined>, suiteCheckout: string | null = null): Promise<XschedSource> {
  const marker = readVersionFile(root) ?? readCmakeVersion(root);
  if (marker) return { root, ...marker };
  const insideSuite = suiteCheckout !== null && (await gitTopLevel(root)) === suiteCheckout;
  const git = insideSuite ? null : await readGitSource(root);
  if (git?.available) return { root, version: `${git.commit}${git.dirty ? '-dirty' : ''}`, from: 'git commit of the tree XSCHED_ROOT is in' };
  const given = (env.PERF_XSCHED_VERSION ?? '').trim();
  const inside = `XSCHED_ROOT is inside the suite's own checkout (${suiteCheckout}), whose commit is not XSched's`;
  if (given !== '') return { root, version: given, from: insideSuite ? `PERF_XSCHED_VERSION (${inside})` : 'PERF_XSCHED_VERSION' };
  return { root, version: 'unknown', from: `no version file, ${insideSuite ? inside : 'not in a git checkout'}, PERF_XSCHED_VERSION not set` };
}
