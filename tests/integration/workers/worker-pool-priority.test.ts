import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerPool } from '../../../src/workers/worker-pool';

/** A task that returns its own thread's nice value, read from Linux's /proc. */
const NICE_TASK = `
const { readFileSync } = require('node:fs');
exports.nice = () => {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};
`;

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('worker pool thread priority', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'shiftcast-nice-')), 'nice.task.js');
  writeFileSync(file, NICE_TASK);
  const ownNice = (): number => {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  };

  it.each([0, 10])('runs tasks %i steps below the process priority', async (nice) => {
    const pool = new WorkerPool({ maxThreads: 1, maxQueue: 4, taskTimeoutMs: 10_000, nice });
    const before = ownNice();
    try {
      expect(await pool.run<object, number>(file, 'nice', {})).toBe(before + nice);
      expect(ownNice()).toBe(before); // the API thread keeps its own priority
    } finally {
      await pool.close();
    }
  });
});
