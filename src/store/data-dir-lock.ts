import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

/** Directories locked by this process (a stale lock file may carry our own, reused, pid). */
const heldHere = new Set<string>();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * An exclusive lock on an embedded data directory (`LOCK` holds the owner's pid), so that two
 * processes never append to the same journal. A lock left by a dead process is taken over.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(dir: string): DataDirLock {
    const path = join(dir, 'LOCK');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        heldHere.add(path);
        return new DataDirLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const pid = Number(readFileSync(path, 'utf8').trim());
        const stale = !Number.isInteger(pid) || !alive(pid) || (pid === process.pid && !heldHere.has(path));
        if (!stale) {
          throw new AppError(
            'FAILED_PRECONDITION',
            `Embedded data directory ${dir} is in use by process ${pid}`,
          );
        }
        rmSync(path, { force: true });
      }
    }
    throw new AppError('FAILED_PRECONDITION', `Could not lock embedded data directory ${dir}`);
  }

  release(): void {
    heldHere.delete(this.path);
    rmSync(this.path, { force: true });
  }
}
