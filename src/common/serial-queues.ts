import { AppError } from '../errors';

/** How many tasks a key (running and waiting) and an owner (across keys) may have at once. */
export interface SerialLimits {
  perKey: number;
  perOwner: number;
}

interface Queue {
  tail: Promise<void>;
  length: number;
}

/**
 * Tasks that must not overlap for the same key (edits of one document) run one at a time, in
 * arrival order, each after the previous settles. A key's queue and an owner's tasks across
 * keys are bounded: beyond them a task is refused at once with RATE_LIMITED, before any of its
 * work, so a flood costs the server nothing but the refusal. In-process only: another process
 * serialises its own tasks (the store's revision checks guard across processes).
 */
export class SerialQueues {
  private readonly queues = new Map<string, Queue>();
  private readonly owners = new Map<string, number>();

  constructor(
    private readonly limits: SerialLimits,
    /** What the tasks are, for refusals: "edits of roster". */
    private readonly what: string,
  ) {}

  /** Runs `task` after every earlier task of `key`; rejects with RATE_LIMITED past the limits. */
  run<T>(key: string, owner: string, task: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(key) ?? { tail: Promise.resolve(), length: 0 };
    const owned = this.owners.get(owner) ?? 0;
    if (queue.length >= this.limits.perKey)
      return Promise.reject(
        new AppError(
          'RATE_LIMITED',
          `${queue.length} ${this.what} ${key} are already queued; retry when they are done`,
          [{ field: key, message: `at most ${this.limits.perKey} at once` }],
        ),
      );
    if (owned >= this.limits.perOwner)
      return Promise.reject(
        new AppError('RATE_LIMITED', `you have ${owned} ${this.what} queued; retry when they are done`, [
          { field: owner, message: `at most ${this.limits.perOwner} at once` },
        ]),
      );
    queue.length += 1;
    this.queues.set(key, queue);
    this.owners.set(owner, owned + 1);
    const result = queue.tail.then(task);
    queue.tail = result.then(
      () => this.release(key, owner, queue),
      () => this.release(key, owner, queue),
    );
    return result;
  }

  /** Tasks of `key` running or waiting. */
  size(key: string): number {
    return this.queues.get(key)?.length ?? 0;
  }

  private release(key: string, owner: string, queue: Queue): void {
    queue.length -= 1;
    if (queue.length === 0 && this.queues.get(key) === queue) this.queues.delete(key);
    const owned = (this.owners.get(owner) ?? 1) - 1;
    if (owned === 0) this.owners.delete(owner);
    else this.owners.set(owner, owned);
  }
}
