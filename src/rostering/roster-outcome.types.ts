/** Plain input and result types of plan versus actual (roster-outcome.core.ts). */
export type ChannelKindName = 'LIVE' | 'DEFERRED';

export interface OutcomeChannel {
  key: string;
  kind: ChannelKindName;
  skill: string;
  ahtSeconds: number;
  serviceLevelTarget: number;
  answerSeconds: number;
  patienceSeconds: number | null;
  maxOccupancy: number;
  shrinkage: number;
  responseHours: number | null;
  /**
   * Whether the channel handles work in each interval of the week (its opening hours on the
   * roster grid); DEFERRED deadlines count these intervals only. Absent: always open.
   */
  open?: readonly boolean[];
}

/** Items open at the week's start, due by the end of roster interval `dueSlot`. */
export interface CarriedItems {
  items: number;
  dueSlot: number;
}

export interface QueueQuery {
  volume: number;
  intervalMinutes: number;
  ahtSeconds: number;
  answerSeconds: number;
  serviceLevelTarget: number;
  patienceSeconds?: number;
  agents: number;
}

export interface QueueFigures {
  serviceLevel: number;
  asaSeconds: number | null;
  abandonProbability: number | null;
}

export type QueueEvaluate = (q: QueueQuery) => QueueFigures;

export interface OutcomeInput {
  weekStart: string;
  intervalMinutes: number;
  /** Dates (YYYY-MM-DD) of the week with actual volumes, ascending. */
  days: string[];
  channels: OutcomeChannel[];
  /** Actual arrivals per channel key on the roster grid (7 days); null where the day has none. */
  arrivals: Record<string, (number | null)[]>;
  /**
   * Real intervals behind each wall-clock slot of the week (default 1 everywhere): 0 in the
   * hour skipped when the clocks go forward, 2 in the hour repeated when they go back, whose
   * `arrivals` hold both passes.
   */
  passes?: readonly number[];
  /** DEFERRED backlog at the week's start per channel key (the staffing plan's carry-in). */
  carryIn?: Record<string, readonly CarriedItems[]>;
  /** Agents on shift net of breaks per skill on the roster grid. */
  rostered: Record<string, number[]>;
  /** Labour cost of the shifts starting on each date. */
  labourCost: Record<string, number>;
}

export interface OutcomeInterval {
  date: string;
  /** Local wall-clock start, YYYY-MM-DDTHH:MM:00. */
  start: string;
  skill: string;
  kind: ChannelKindName;
  channels: string[];
  arrivals: number;
  rosteredAgents: number;
  productiveAgents: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  /** Items open at the end of the interval (DEFERRED). */
  backlog: number | null;
  /** Items that passed their deadline in this interval (DEFERRED). */
  deadlineMisses: number | null;
  /** Null when nothing arrived and nothing was due. */
  metTarget: boolean | null;
}

export interface OutcomeTotals {
  liveArrivals: number;
  deferredArrivals: number;
  /** Arrival-weighted service level of LIVE intervals (null: none). */
  serviceLevel: number | null;
  deadlineMisses: number;
  labourCost: number;
  intervalsCounted: number;
  intervalsMeetingTarget: number;
  shareMeetingTarget: number | null;
}

export interface OutcomeDay extends OutcomeTotals {
  date: string;
  /** DEFERRED items open at the end of the day. */
  backlogAtEnd: number;
}

export interface RosterOutcomeResult {
  intervals: OutcomeInterval[];
  days: OutcomeDay[];
  /** The days with actuals together. */
  total: OutcomeTotals;
}
