import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * CPU time in ms of one thread: the calling one, or the main thread (the event loop) of the
 * process `pid`. It counts only the time the thread ran, so unlike wall time it does not grow
 * while the operating system leaves the thread waiting for a core on a busy machine: a loop
 * that holds the event loop for 400 ms shows as 400 ms beside two busy processes or none.
 * Read from /proc's schedstat (nanoseconds); where that is missing, from stat (utime + stime,
 * 10 ms ticks); without /proc, the calling process's CPU time (every thread), or for another
 * process wall time, so a test measures what it did before.
 */
export function threadCpuMs(pid?: number): number {
  const task = pid === undefined ? '/proc/thread-self' : `/proc/${pid}/task/${pid}`;
  try {
    return Number(readFileSync(`${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    try {
      const stat = readFileSync(`${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
    } catch {
      if (pid !== undefined) return performance.now();
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
  }
}

/**
 * CPU time in ms of every thread of the process `pid` (its event loop, worker threads, GC),
 * from /proc/<pid>/stat (utime + stime, 10 ms ticks): the work it did, however long the
 * machine made it wait. Without /proc, wall time.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return performance.now();
  }
}
