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
