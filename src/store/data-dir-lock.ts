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
 * When process `pid` started, in clock ticks since boot (field 22 of `/proc/<pid>/stat`), or null
 * where there is no /proc (then only the pid is compared). The command name, in parentheses, may
 * hold spaces and parentheses: fields are counted after the last `)`.
 */
export const processStartTime = (pid: number): string | null => {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return null;
    throw e;
  }
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
};

/** `LOCK` holds `<pid> <start time>` (older versions wrote the pid alone). */
const parseLock = (text: string): { pid: number; start: string | null } => {
  const [pid, start] = text.trim().split(/\s+/);
  return { pid: Number(pid), start: start ?? null };
};

/**
 * An exclusive lock on an embedded data directory, so that two processes never append to the same
 * journal. `LOCK` records the owner's pid and start time: a lock is stale, and taken over, when its
 * process is dead, or when a live process with that pid started at another time (the pid was
 * reused by an unrelated process after a crash or a reboot).
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(dir: string): DataDirLock {
    const path = join(dir, 'LOCK');
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, `${process.pid} ${processStartTime(process.pid) ?? ''}`.trim());
        closeSync(fd);
        heldHere.add(path);
        return new DataDirLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const { pid, start } = parseLock(readFileSync(path, 'utf8'));
        if (!DataDirLock.stale(path, pid, start)) {
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

  private static stale(path: string, pid: number, start: string | null): boolean {
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return true;
    if (pid === process.pid) return !heldHere.has(path);
    if (start === null) return false;
    const now = processStartTime(pid);
    return now !== null && now !== start;
  }

  release(): void {
    heldHere.delete(this.path);
    rmSync(this.path, { force: true });
  }
}
