// Reads a JSON file and says exactly what is wrong with it: which file, and
// where the JSON stops being JSON.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export class JsonFileError extends Error {
  override readonly name = 'JsonFileError';
  constructor(
    readonly file: string,
    /** Dotted path of the offending field, null when the file as a whole is the problem. */
    readonly field: string | null,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(field === null ? `${file}: ${problem}` : `${file}: field "${field}": ${problem}`, options);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const problem = text.trim() === '' ? 'the file is empty, expected JSON' : `not valid JSON (${detail})`;
    throw new JsonFileError(file, null, problem, { cause: error });
  }
}

function readProblem(file: string, error: unknown): JsonFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem = code === 'ENOENT' ? 'no such file' : `cannot read it (${(error as Error).message})`;
  return new JsonFileError(file, null, problem, { cause: error });
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Parsed contents of `file`; throws JsonFileError naming the file (missing, unreadable, bad JSON). */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw readProblem(file, error);
  }
  return parseJson(file, text);
}

/** Like readJsonFile, but an absent file gives undefined (any other problem still throws). */
export async function readJsonFileIfPresent(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw readProblem(file, error);
  }
  return parseJson(file, text);
}

/** Synchronous readJsonFile, for settings read at module load time. */
export function readJsonFileSync(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw readProblem(file, error);
  }
  return parseJson(file, text);
}

/** For schema readers: throws a JsonFileError for `file` naming the field ("" is the whole document). */
export function failInFile(file: string): (found: { field: string; problem: string }) => never {
  return ({ field, problem }) => {
    throw new JsonFileError(file, field || '(top level)', problem);
  };
}
