/**
 * The task entries a worker process may run, by queue. Only these files are ever loaded from
 * a job's payload; the kind names the BullMQ queue and labels the metrics.
 */
export const TASK_KINDS = {
  'forecasting/forecast.task': 'forecast',
  'rostering/solve.task': 'roster',
  'rostering/repair.task': 'roster',
  'staffing/workload.task': 'staffing',
  'ranking/ranker.task': 'ranking',
} as const satisfies Record<string, string>;

export type TaskEntry = keyof typeof TASK_KINDS;
export type JobKind = (typeof TASK_KINDS)[TaskEntry];

export const JOB_KINDS: readonly JobKind[] = [...new Set(Object.values(TASK_KINDS))];

export const isTaskEntry = (v: unknown): v is TaskEntry => typeof v === 'string' && v in TASK_KINDS;

/** What travels in a BullMQ job: the task to run and its plain-data input. */
export interface JobPayload {
  task: TaskEntry;
  name: string;
  input: unknown;
  timeoutMs: number;
}

/** The BullMQ queue of a kind. */
export const queueName = (kind: JobKind): string => `jobs-${kind}`;

/** Redis channel and key space of cross-process cancels. */
export const cancelChannel = (prefix: string): string => `${prefix}:job-cancel`;
export const cancelKey = (prefix: string, jobId: string): string => `${prefix}:job-cancelled:${jobId}`;

/**
 * The longest a job may run: a roster solve's own bound at its largest time limit (3,600 s,
 * twice that plus 60 s for the diagnosis solve), above WORKER_TASK_TIMEOUT_SECONDS' maximum.
 */
export const MAX_JOB_TIMEOUT_MS = (2 * 3600 + 60) * 1000;

/**
 * Checks what a worker took from the queue before anything runs it: a payload this API never
 * sends (an older or newer version, a hand-made job) fails with a `BAD_JOB:` reason instead of
 * a stray TypeError or RangeError, or a run bounded by a timeout of days.
 */
export function jobPayloadProblem(data: unknown, kind: JobKind): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'the payload is not an object';
  const { task, name, input, timeoutMs } = data as Record<string, unknown>;
  if (!isTaskEntry(task) || TASK_KINDS[task] !== kind)
    return `unknown task ${JSON.stringify(String(task)).slice(0, 80)} for the ${kind} queue`;
  if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) || name in Object.prototype)
    return `name must be the name of an exported function of ${task}`;
  if (typeof input !== 'object' || input === null) return 'input must be an object';
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 1 && timeoutMs <= MAX_JOB_TIMEOUT_MS))
    return `timeoutMs must be a number in [1, ${MAX_JOB_TIMEOUT_MS}], got ${String(timeoutMs).slice(0, 40)}`;
  return null;
}
