// The suite checkout's commit, branch and dirty flag, read with git itself. Outside a git
// checkout (a tarball, a copied results folder) the source says so instead of guessing.

import { execa } from 'execa';
import type { GitSource } from '../../documents/types/run-source.ts';

async function git(cwd: string, args: string[]): Promise<{ ok: boolean; text: string }> {
  try {
    const result = await execa('git', args, { cwd, reject: false, stdin: 'ignore', timeout: 10_000 });
    return { ok: result.exitCode === 0, text: String(result.exitCode === 0 ? result.stdout : result.stderr).trim() };
  } catch (error) {
    return { ok: false, text: error instanceof Error ? error.message : String(error) };
  }
}

/** The git source of the checkout at `cwd`. */
export async function readGitSource(cwd: string): Promise<GitSource> {
  const inside = await git(cwd, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.text !== 'true') return { available: false, reason: 'not a git checkout' };
  const head = await git(cwd, ['show', '-s', '--format=%H %cI', 'HEAD']);
  if (!head.ok) return { available: false, reason: `git checkout without a commit: ${head.text}` };
  const [commit = '', commitTime = ''] = head.text.split(' ');
  const branch = await git(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  // --untracked-files=no: results/ and build outputs are ignored or untracked, not code changes.
  const status = await git(cwd, ['status', '--porcelain', '--untracked-files=no']);
  return {
    available: true,
    commit,
    branch: branch.ok && branch.text !== '' ? branch.text : null,
    dirty: !status.ok || status.text !== '',
    // UTC, so times from runners in different zones sort as text (docs/history.md).
    commitTime: new Date(commitTime).toISOString(),
  };
}
