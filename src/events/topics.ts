import type { AssignedShift } from '../common/assigned-shift';
import { badInput } from '../errors';

/**
 * Typed pub/sub topics. Services publish after their write succeeded; subscription
 * resolvers listen. Payloads are plain data (no class instances), so a shared engine
 * (Redis, NATS) can carry them when several server processes run.
 */
export interface ForecastUpdatedEvent {
  forecastId: string;
  channel: string;
  modelId: string;
  modelKind: string;
  start: Date;
  intervalMinutes: number;
  dailyTotals: { date: string; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
}

/** The life of a roster job (stored on its document and published with each progress event). */
export type RosterJobState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
/** planWeek runs forecast → staffing → solve; generateRoster runs prepare → solve. */
export type RosterJobPhase = 'queued' | 'forecast' | 'staffing' | 'prepare' | 'solve' | 'store' | 'done';

/** How far a roster solve has come: best objective, proven bound, their gap, time spent. */
export interface SolveProgress {
  objective: number | null;
  bound: number | null;
  gap: number | null;
  elapsedSeconds: number;
}

export interface RosterJobProgressEvent extends SolveProgress {
  jobId: string;
  state: RosterJobState;
  phase: RosterJobPhase;
  rosterId: string | null;
  message: string | null;
}

export interface RosterPublishedEvent {
  rosterId: string;
  week: string;
  publishedAt: Date;
  publishedBy: string;
}

/**
 * A staff or availability change that may break a published roster (a domain event of the
 * staff feature; rostering listens). `cause` says what changed.
 */
export interface StaffChangedEvent {
  staffIds: string[];
  cause: 'AVAILABILITY' | 'DEACTIVATION' | 'CONTRACT';
  /** Dated exceptions added, changed or removed (AVAILABILITY); empty for weekly or other changes. */
  dates: string[];
  /** True when weekly windows changed (AVAILABILITY). */
  weekly: boolean;
  at: Date;
}

/** One assignment of a published roster that current staff data breaks. */
export interface RosterConflictInfo extends AssignedShift {
  cause: StaffChangedEvent['cause'];
  /** The checker rule the assignment now breaks (AVAILABILITY, MAX_HOURS, STAFF_INACTIVE …). */
  rule: string;
  reason: string;
  detectedAt: Date;
}

export interface RosterConflictEvent {
  rosterId: string;
  week: string;
  /**
   * The first open conflicts of the roster after the change, in shift order: at most a page
   * (`MAX_PAGE_SIZE`, 500), so an event stays small whatever the roster holds.
   */
  conflicts: RosterConflictInfo[];
  /** Open conflicts of the roster after the change, all of them. */
  conflictCount: number;
  /** Conflicts that were not there before the change. */
  added: number;
  at: Date;
}

export interface PingEvent {
  seq: number;
  at: Date;
}

/** Topic name → payload. Keyed topics are subscribed with an id (channel, job id, week). */
// A type alias (not an interface) so it satisfies the pub/sub's index signature.
export type Topics = {
  PING: [PingEvent];
  FORECAST_UPDATED: [channel: string, event: ForecastUpdatedEvent];
  ROSTER_JOB_PROGRESS: [jobId: string, event: RosterJobProgressEvent];
  ROSTER_PUBLISHED: [week: string, event: RosterPublishedEvent];
  ROSTER_CONFLICT: [week: string, event: RosterConflictEvent];
};

export const TOPIC = {
  PING: 'PING',
  FORECAST_UPDATED: 'FORECAST_UPDATED',
  ROSTER_JOB_PROGRESS: 'ROSTER_JOB_PROGRESS',
  ROSTER_PUBLISHED: 'ROSTER_PUBLISHED',
  ROSTER_CONFLICT: 'ROSTER_CONFLICT',
} as const satisfies Record<keyof Topics, keyof Topics>;

/**
 * The topic id of a keyed subscription, read from one of its string arguments (channel, job
 * id, week): `@Subscription({ topics: TOPIC.ROSTER_PUBLISHED, topicId: topicIdArg('week') })`.
 * `check` throws (BAD_USER_INPUT) for a value no event can carry: graphql validates a
 * subscription's arguments only when an event arrives, so without it `forecastUpdated(channel:
 * "BAD!")` was accepted and waited, silently, for ever.
 */
export const topicIdArg =
  (name: string, check?: (value: string, field: string) => void) =>
  ({ args }: { args: Readonly<Record<string, unknown>> }): string => {
    const id = args[name];
    if (typeof id !== 'string') throw badInput(`${name} is required`, [{ field: name, message: 'required' }]);
    check?.(id, name);
    return id;
  };
