import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RosterResult } from '../../../src/rostering/roster.types';
import type { SolveRosterTaskInput } from '../../../src/rostering/solve.task';
import type { WorkloadPlan, WorkloadProblem } from '../../../src/staffing/workload-lp.core';
import { WORKLOAD_TASK } from '../../../src/staffing/workload.task';
import { WARM_UP_EXPORT, type WarmUpReport } from '../../../src/workers/thread-warm-up';
import { type PoolLogger, taskFile, WorkerPool } from '../../../src/workers/worker-pool';
import { handSolvedWeek } from '../../helpers/hand-solved-week';
import { demand, problem } from '../../unit/rostering/roster.fixtures';

/** Far shorter than the default 30 s: a thread that may idle out does so within the test. */
const IDLE_MS = 100;

/** A logger that keeps what the pool logs; `lines(n)` resolves once it holds n lines. */
function recordingLogger() {
  const logged: { level: 'info' | 'warn'; obj: Record<string, unknown>; msg: string }[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const log = (level: 'info' | 'warn') => (obj: Record<string, unknown>, msg: string) => {
    logged.push({ level, obj, msg });
    for (const w of waiters) if (logged.length >= w.n) w.resolve();
  };
  const logger = { info: log('info'), warn: log('warn') } as unknown as PoolLogger;
  const lines = (n: number) =>
    new Promise<void>((resolve) => (logged.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { logger, logged, lines };
}

/** What `probeFile` answers: its thread, and the idle HiGHS threads the thread's roster solves reuse. */
interface Probe {
  threadId: number;
  idleHighsThreads: number;
}

/** A worker entry in a temporary folder, with `code` (CommonJS). */
function entryFile(name: string, code: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'shiftcast-warm-')), name);
  writeFileSync(file, code);
  return file;
}

/**
 * `probe({ arrived })` answers once as many probes as the pool has threads have arrived (a
 * shared counter), so each thread takes one.
 */
const probeFile = entryFile(
  'probe.task.js',
  `const { threadId } = require('node:worker_threads');
const { idleHighsThreads } = require(${JSON.stringify(taskFile('rostering/milp/highs-thread'))});
exports.probe = ({ arrived }) => {
  const count = new Int32Array(arrived);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
  for (let seen = Atomics.load(count, 0); seen < 2; seen = Atomics.load(count, 0)) Atomics.wait(count, 0, seen, 10_000);
  return { threadId, idleHighsThreads: idleHighsThreads() };
};
`,
);

describe('a worker pool kept warm', () => {
  const warmUpFile = taskFile('server/thread-warm-up.task');

  it('warms HiGHS, the forecasters and the roster solve once on every thread and keeps them past the idle timeout', async () => {
    const { logger, logged, lines } = recordingLogger();
    const pool = new WorkerPool({
      maxThreads: 2,
      maxQueue: 8,
      taskTimeoutMs: 60_000,
      idleTimeoutMs: IDLE_MS,
      warm: { file: warmUpFile, logger },
    });
    try {
      expect(pool.stats.threads).toBe(2); // started with the pool, before any task
      // a task arriving during the warm-up waits for it, then runs
      const plan = await pool.run<WorkloadProblem, WorkloadPlan>(
        taskFile(WORKLOAD_TASK),
        'solveWorkloadPlan',
        handSolvedWeek(),
      );
      expect(plan.staffHours).toBe(10);
      await lines(2);
      expect(logged.map((l) => [l.level, l.msg])).toEqual([
        ['info', 'worker thread warmed up'],
        ['info', 'worker thread warmed up'],
      ]);
      const warmed = logged.map((l) => l.obj.thread as number);
      expect(new Set(warmed).size).toBe(2);
      for (const { obj } of logged)
        expect(Object.keys(obj.ms as object)).toEqual(['highs', 'forecasting', 'roster']);

      // idle far past the idle timeout (its timers were set before this one: they fire first)
      await sleep(5 * IDLE_MS);
      expect(pool.stats.threads).toBe(2);
      const answers = await Promise.all(
        [0, 1, 2, 3].map(() => pool.run<object, WarmUpReport>(warmUpFile, WARM_UP_EXPORT, {})),
      );
      // every thread that answers is one warmed at the start: none was replaced
      for (const report of answers) expect(warmed).toContain(report.threadId);
      // each thread's roster warm-up left it a HiGHS thread for its first roster solve
      const arrived = new SharedArrayBuffer(4);
      const probes = await Promise.all(
        [0, 1].map(() => pool.run<object, Probe>(probeFile, 'probe', { arrived })),
      );
      expect(new Set(probes.map((p) => p.threadId))).toEqual(new Set(warmed));
      for (const p of probes) expect(p.idleHighsThreads).toBe(1);
      expect(logged).toHaveLength(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('without it, threads start on demand and exit after the idle timeout', async () => {
    const pool = new WorkerPool({
      maxThreads: 2,
      maxQueue: 8,
      taskTimeoutMs: 60_000,
      idleTimeoutMs: IDLE_MS,
    });
    try {
      expect(pool.stats.threads).toBe(0);
      await pool.run(taskFile(WORKLOAD_TASK), 'solveWorkloadPlan', handSolvedWeek());
      expect(pool.stats.threads).toBeGreaterThan(0);
      await sleep(5 * IDLE_MS);
      expect(pool.stats.threads).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('logs a failed warm-up step, and the thread serves tasks all the same', async () => {
    const file = entryFile(
      'broken-warm-up.task.js',
      `const { warmThread } = require(${JSON.stringify(taskFile('workers/thread-warm-up'))});
exports.warmUp = warmThread({ wasm: () => { throw new Error('no WASM here'); }, fine: () => 1 });
exports.echo = (x) => x;
`,
    );
    const { logger, logged, lines } = recordingLogger();
    const pool = new WorkerPool({
      maxThreads: 1,
      maxQueue: 4,
      taskTimeoutMs: 10_000,
      warm: { file, logger },
    });
    try {
      expect(await pool.run(file, 'echo', { n: 1 })).toEqual({ n: 1 });
      await lines(1);
      expect(logged).toEqual([
        {
          level: 'warn',
          obj: expect.objectContaining({ steps: { wasm: 'no WASM here', fine: expect.any(Number) } }),
          msg: 'worker thread warm-up failed in part; it runs cold there',
        },
      ]);
      expect(pool.stats.threads).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('logs a roster warm-up that finds no roster, and the thread solves rosters all the same', async () => {
    // one person who cannot reach the minimum hours: the solve answers INFEASIBLE
    const file = entryFile(
      'infeasible-roster-warm-up.task.js',
      `const { warmThread } = require(${JSON.stringify(taskFile('workers/thread-warm-up'))});
const { warmRosterSolver, WARM_UP_ROSTER } = require(${JSON.stringify(taskFile('rostering/roster-warm-up'))});
const staff = [{ ...WARM_UP_ROSTER.staff[0], minHoursWeek: 60, maxHoursWeek: 60 }];
exports.warmUp = warmThread({ roster: () => warmRosterSolver({ ...WARM_UP_ROSTER, staff }) });
`,
    );
    const { logger, logged, lines } = recordingLogger();
    const pool = new WorkerPool({
      maxThreads: 1,
      maxQueue: 4,
      taskTimeoutMs: 60_000,
      warm: { file, logger },
    });
    try {
      await lines(1);
      expect(logged).toEqual([
        {
          level: 'warn',
          obj: expect.objectContaining({
            steps: { roster: 'roster INFEASIBLE: Minimum hours cannot be met' },
          }),
          msg: 'worker thread warm-up failed in part; it runs cold there',
        },
      ]);
      const solved = await pool.run<SolveRosterTaskInput, RosterResult>(
        taskFile('rostering/solve.task'),
        'solveRosterTask',
        {
          problem: problem({
            requirements: [{ skill: 'calls', values: demand([{ day: 0, from: 8, to: 16, n: 1 }]) }],
          }),
          timeLimitSeconds: 10,
        },
      );
      expect(solved.status).toBe('OPTIMAL');
      expect(pool.stats.threads).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
