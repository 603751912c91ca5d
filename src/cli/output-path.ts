/**
 * An output file of a command, checked before the work that fills it: `forecast --out
 * /nonexistent/f.json` fitted its whole model and then died with an uncaught ENOENT stack
 * and exit 1.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { clip } from '../common/bounded';
import { badInput, isAppError } from '../errors';

const shown = (path: string): string => clip(path, 200);

/**
 * Throws BAD_USER_INPUT naming the flag (exit 2) unless `path` can be written: an existing
 * writable file, or a new one in an existing writable directory.
 */
export function assertWritableOutput(flag: string, path: string): void {
  const refuse = (why: string): never => {
    throw badInput(`--${flag} ${shown(path)} ${why}`, [{ field: flag, message: why }]);
  };
  try {
    const existing = statSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory()) refuse('is a directory');
    if (existing) return accessSync(path, constants.W_OK);
    const dir = dirname(resolve(path));
    const parent = statSync(dir, { throwIfNoEntry: false });
    if (!parent) refuse(`cannot be written: directory ${shown(dir)} does not exist`);
    if (!parent?.isDirectory()) refuse(`cannot be written: ${shown(dir)} is not a directory`);
    accessSync(dir, constants.W_OK);
  } catch (e) {
    if (isAppError(e)) throw e;
    refuse(`cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** The message for an output file that could not be written after all (disk full, directory removed meanwhile). */
export function outputWriteError(flag: string, path: string, e: unknown): string {
  return `cannot write --${flag} ${shown(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
}
