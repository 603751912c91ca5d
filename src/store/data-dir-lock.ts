import { createHash, randomUUID } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

/** A takeover marker older than this is left over from a crash and is removed. */
const MARKER_MAX_AGE_MS = 60_000;
const MARKER_PREFIX = 'LOCK.takeover-';

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
 *
 * Both steps are atomic, so processes starting at the same instant cannot both win:
 * - `LOCK` is a hard link to a file already holding the owner's line (`link` fails when `LOCK`
 *   exists), never an empty file being written, which a rival read as a dead owner's;
 * - a stale `LOCK` is removed only by the process that created its takeover marker
 *   (`LOCK.takeover-<hash of the stale line>`, again by `link`): two processes that both saw the
 *   same stale line could otherwise each remove it, the second removing the first one's new lock.
 */
export class DataDirLock {
  private constructor(
    private readonly dir: string,
    private readonly path: string,
  ) {}

  static acquire(dir: string): DataDirLock {
    const path = join(dir, 'LOCK');
    removeOldMarkers(dir);
    const mine = join(dir, `LOCK.${process.pid}.${randomUUID()}`);
    writeFileSync(mine, `${process.pid} ${processStartTime(process.pid) ?? ''}`.trim(), { flag: 'wx' });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        if (tryLink(mine, path)) {
          heldHere.add(path);
          return new DataDirLock(dir, path);
        }
        const line = readIfExists(path);
        if (line === null) continue; // released meanwhile: try again
        const { pid, start } = parseLock(line);
        if (!DataDirLock.stale(path, pid, start)) throw inUse(dir, pid);
        const marker = join(
          dir,
          `${MARKER_PREFIX}${createHash('sha256').update(line).digest('hex').slice(0, 16)}`,
        );
        // another process is taking over this same stale lock: it wins, and holds the directory
        if (!tryLink(mine, marker)) throw inUse(dir, pid);
        if (readIfExists(path) === line) rmSync(path, { force: true });
      }
    } finally {
      rmSync(mine, { force: true });
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
    removeOldMarkers(this.dir, 0);
  }
}

const inUse = (dir: string, pid: number): AppError =>
  new AppError('FAILED_PRECONDITION', `Embedded data directory ${dir} is in use by process ${pid}`);

/** Creates `to` as a hard link to `from`; false when `to` exists. */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Removes takeover markers older than `maxAgeMs` (all of them when the lock is released). */
function removeOldMarkers(dir: string, maxAgeMs = MARKER_MAX_AGE_MS): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(MARKER_PREFIX)) continue;
    const file = join(dir, name);
    try {
      if (Date.now() - statSync(file).mtimeMs >= maxAgeMs) rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}
