// Every script is a Script: main(argv, io) gets its arguments, environment, directory and
// output through `io` rather than process globals, so the tests run it in their own process
// (no tsx start per case) exactly as the command line does, exit codes included.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shouldUseColor } from '../perf/lib/output/report/terminal-summary.ts';

export interface ScriptIo {
  /** One line (or block) to stdout; the newline is added. */
  out(text: string): void;
  /** One line (or block) to stderr; the newline is added. */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether stdout takes ANSI colours (a TTY without NO_COLOR). */
  color: boolean;
}

export interface Script {
  /** Prefix of the message printed when main throws. */
  name: string;
  main(argv: string[], io: ScriptIo): Promise<number>;
  /** Exit code when main throws. */
  errorExitCode: number;
  /** Printed after the message when main throws. */
  usage?: string;
}

/** Runs the script to its exit code; an error out of main is printed and mapped to errorExitCode. */
export async function runScript(script: Script, argv: string[], io: ScriptIo): Promise<number> {
  try {
    return await script.main(argv, io);
  } catch (error) {
    const cause = error instanceof Error && error.cause ? `\n  cause: ${String(error.cause)}` : '';
    io.err(`${script.name}: ${error instanceof Error ? error.message : String(error)}${cause}${script.usage ? `\n${script.usage}` : ''}`);
    return script.errorExitCode;
  }
}

export function processIo(): ScriptIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    color: shouldUseColor(process.stdout, process.env),
  };
}

/** Runs the script when `moduleUrl` is the file node was started with (not when a test imports it). */
export function runWhenInvoked(moduleUrl: string, script: Script): void {
  if (process.argv[1] === undefined || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  void runScript(script, process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
