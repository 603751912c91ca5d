/**
 * Staffing for deferred work (e-mails, back-office and outbound tasks).
 *
 * Method ("uniform spread over the response window"):
 *
 * 1. Workload. Work arriving in interval i is w_i = volume_i × AHT (seconds).
 * 2. Response window. With K = max(1, floor(responseHours × 60 / intervalMinutes)), the
 *    window of interval i is the first K OPEN intervals at or after i. Time is counted in
 *    open time only: work that arrives while the channel is closed waits for the next
 *    open interval, and closed intervals never count towards the response time. Work is
 *    treated as a fluid: what arrives in an open interval may be worked in that interval.
 *    The deadline of w_i is the end of the last interval of its window.
 * 3. Spread. w_i is split evenly over the intervals of its window, so interval j is
 *    planned to process W_j = Σ_{i : j ∈ window(i)} w_i / |window(i)|.
 *    Near the end of the horizon a window may hold fewer than K open intervals; the work
 *    is then spread over those that exist (earlier than the deadline, so still on time).
 *    Work arriving after the last open interval of the horizon cannot be placed and is
 *    reported as `unplacedWorkSeconds` rather than silently dropped.
 * 4. Staff. Productive agents r_j = W_j / (intervalSeconds × maxOccupancy); raw agents
 *    ceil(r_j); scheduled agents ceil(raw / (1 − shrinkage)).
 *
 * Why every item meets its deadline: the spread itself is a schedule in which every w_i
 * is finished inside its own window, and each interval's capacity
 * raw_j × intervalSeconds × maxOccupancy ≥ W_j. A feasible schedule exists, so an
 * earliest-deadline-first worker with that capacity also finishes everything on time
 * (EDF is optimal for divisible work on one pooled resource); the unit tests simulate
 * exactly that.
 */
import { safeCeil } from './required-agents.core';
import { assertNonNegative, assertOccupancy, assertPositive, assertShrinkage } from './staffing.validation';
import { badInput } from '../errors';
import { at } from '../common/indexed';

export interface DeferredWorkloadInput {
  /** Items arriving per interval. */
  volumes: readonly number[];
  /** Whether the channel works in each interval; same length as `volumes`. */
  open: readonly boolean[];
  ahtSeconds: number;
  intervalMinutes: number;
  responseHours: number;
  maxOccupancy: number;
  shrinkage: number;
}

export interface DeferredWorkloadResult {
  /** K: open intervals in a response window. */
  windowIntervals: number;
  /** Work arriving per interval, seconds. */
  arrivingWorkSeconds: number[];
  /** Work planned to be done per interval (W_j), seconds. */
  plannedWorkSeconds: number[];
  /** Index of the interval that ends each arrival interval's window; -1 when unplaced. */
  deadlineIndex: number[];
  /** Fractional productive agents W_j / (intervalSeconds × maxOccupancy). */
  requiredAgents: number[];
  rawAgents: number[];
  scheduledAgents: number[];
  /** Work that arrived after the horizon's last open interval. */
  unplacedWorkSeconds: number;
}

export function assertVolumes(volumes: readonly number[], open: readonly boolean[]): void {
  if (open.length !== volumes.length) {
    throw badInput(`open must have one entry per interval (${volumes.length}), got ${open.length}`);
  }
  volumes.forEach((v, i) => assertNonNegative(`volumes[${i}]`, v));
}

/**
 * Spreads each interval's work evenly over the open intervals of its response window (k open
 * intervals from the first open one): a difference array of work rates over open ranks.
 */
interface SpreadWork {
  openIndex: number[];
  deadlineIndex: number[];
  rateDelta: number[];
  unplacedWorkSeconds: number;
}

function spreadWork(work: readonly number[], open: readonly boolean[], k: number): SpreadWork {
  const n = work.length;
  const openIndex: number[] = [];
  for (let i = 0; i < n; i++) if (open[i]) openIndex.push(i);
  const m = openIndex.length;
  // nextOpenRank[i]: rank (in openIndex) of the first open interval at or after i, m if none.
  const nextOpenRank = new Array<number>(n + 1);
  nextOpenRank[n] = m;
  for (let i = n - 1, rank = m; i >= 0; i--) {
    if (open[i]) rank -= 1;
    nextOpenRank[i] = rank;
  }
  const deadlineIndex = new Array<number>(n).fill(-1);
  const rateDelta = new Array<number>(m + 1).fill(0);
  let unplacedWorkSeconds = 0;
  for (let i = 0; i < n; i++) {
    const first = at(nextOpenRank, i);
    if (first === m) {
      unplacedWorkSeconds += at(work, i);
      continue;
    }
    const last = Math.min(first + k, m) - 1;
    deadlineIndex[i] = at(openIndex, last);
    const share = at(work, i) / (last - first + 1);
    rateDelta[first] = at(rateDelta, first) + share;
    rateDelta[last + 1] = at(rateDelta, last + 1) - share;
  }
  return { openIndex, deadlineIndex, rateDelta, unplacedWorkSeconds };
}

/** Staff per interval that clears every deferred item within its response window. */
export function deferredWorkload(input: DeferredWorkloadInput): DeferredWorkloadResult {
  const { volumes, open, ahtSeconds, intervalMinutes, responseHours, maxOccupancy, shrinkage } = input;
  assertPositive('ahtSeconds', ahtSeconds);
  assertPositive('intervalMinutes', intervalMinutes);
  assertPositive('responseHours', responseHours);
  assertOccupancy('maxOccupancy', maxOccupancy);
  assertShrinkage('shrinkage', shrinkage);
  assertVolumes(volumes, open);

  const n = volumes.length;
  const k = Math.max(1, Math.floor((responseHours * 60) / intervalMinutes + 1e-9));
  const arrivingWorkSeconds = volumes.map((v) => v * ahtSeconds);
  const { openIndex, deadlineIndex, rateDelta, unplacedWorkSeconds } = spreadWork(
    arrivingWorkSeconds,
    open,
    k,
  );
  const m = openIndex.length;
  const plannedWorkSeconds = new Array<number>(n).fill(0);
  let running = 0;
  for (let r = 0; r < m; r++) {
    running += at(rateDelta, r);
    plannedWorkSeconds[at(openIndex, r)] = Math.max(0, running);
  }
  const capacityPerAgent = intervalMinutes * 60 * maxOccupancy;
  const requiredAgents = plannedWorkSeconds.map((w) => w / capacityPerAgent);
  const rawAgents = requiredAgents.map((r) => (r > 0 ? safeCeil(r) : 0));
  const scheduledAgents = rawAgents.map((r) => safeCeil(r / (1 - shrinkage)));
  return {
    windowIntervals: k,
    arrivingWorkSeconds,
    plannedWorkSeconds,
    deadlineIndex,
    requiredAgents,
    rawAgents,
    scheduledAgents,
    unplacedWorkSeconds,
  };
}
