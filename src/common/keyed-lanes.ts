import { AppError } from '../errors';
import { CappedCounts } from './capped-counts';

/** How many tasks run at once per key, and how many a key and an owner may have running or waiting. */
export interface LaneLimits {
  lanes: number;
  perKey: number;
  perOwner: number;
}

/** Names for refusals: `key(k)` the tasks of one key, `owner` an owner's tasks ("roster edits"). */
export interface LaneLabels {
  key: (key: string) => string;
  owner: string;
}

interface Lane {
  running: number;
  /** Starts of the tasks waiting for a lane, in arrival order. */
  waiting: (() => void)[];
}

/**
 * Tasks grouped by key run at most `lanes` at a time per key, the rest waiting in arrival
 * order (one lane: edits of one document, each after the previous settles). A key's tasks and
 * an owner's across keys are bounded: beyond them a task is refused at once with RATE_LIMITED,
 * before any of its work, so a flood costs the server nothing but the refusal. In-process
 * only: another process bounds its own tasks (the store's revision checks guard writes across
 * processes).
 */
export class KeyedLanes {
  private readonly keys = new Map<string, Lane>();
  private readonly owners: CappedCounts<string>;

  constructor(
    private readonly limits: LaneLimits,
    private readonly labels: LaneLabels,
  ) {
    this.owners = new CappedCounts(limits.perOwner);
  }

  /** Runs `task` when `key` has a free lane; rejects with RATE_LIMITED past the limits. */
  run<T>(key: string, owner: string, task: () => Promise<T>): Promise<T> {
    const lane = this.keys.get(key) ?? { running: 0, waiting: [] };
    const held = lane.running + lane.waiting.length;
    const { perKey, perOwner } = this.limits;
    if (held >= perKey) return this.refuse(`${held} ${this.labels.key(key)}`, key, perKey);
    // an owner never holds more than perOwner: refused, it holds exactly that
    if (!this.owners.tryTake(owner))
      return this.refuse(`you have ${perOwner} ${this.labels.owner}`, owner, perOwner);
    this.keys.set(key, lane);
    let start: Promise<void>;
    if (lane.running < this.limits.lanes) {
      lane.running += 1;
      start = Promise.resolve();
    } else start = new Promise<void>((resolve) => lane.waiting.push(resolve));
    return start.then(task).finally(() => this.release(key, owner, lane));
  }

  /** Tasks of `key` running or waiting. */
  size(key: string): number {
    const lane = this.keys.get(key);
    return lane ? lane.running + lane.waiting.length : 0;
  }

  private refuse(held: string, field: string, limit: number): Promise<never> {
    return Promise.reject(
      new AppError('RATE_LIMITED', `${held} running or waiting; retry when they are done`, [
        { field, message: `at most ${limit} at once` },
      ]),
    );
  }

  /** Hands the lane to the next waiting task, or frees it. */
  private release(key: string, owner: string, lane: Lane): void {
    const next = lane.waiting.shift();
    if (next) next();
    else lane.running -= 1;
    if (lane.running === 0 && this.keys.get(key) === lane) this.keys.delete(key);
    this.owners.release(owner);
  }
}
