/**
 * Barriers on the event bus instead of sleeps: the bus of a test app runs over an EventTarget
 * that counts its listeners, so a test can wait until a subscription is really listening on
 * the server before it triggers the event (a subscription registers a listener for
 * `topic` or `topic:id` when its source stream starts, see @graphql-yoga/subscription).
 */
import { setMaxListeners } from 'node:events';
import { createPubSub } from '@graphql-yoga/subscription';
import type { EventBus } from '../../src/events/pubsub';
import type { Topics } from '../../src/events/topics';

class CountingTarget extends EventTarget {
  private readonly counts = new Map<string, number>();
  private readonly waiters: { type: string; atLeast: number; resolve: () => void }[] = [];

  constructor() {
    super();
    setMaxListeners(Infinity, this); // as the server's own bus (`localTarget`)
  }

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    super.addEventListener(...args);
    this.counts.set(args[0], this.listeners(args[0]) + 1);
    for (const w of [...this.waiters])
      if (this.listeners(w.type) >= w.atLeast) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
  }

  override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
    super.removeEventListener(...args);
    this.counts.set(args[0], Math.max(0, this.listeners(args[0]) - 1));
  }

  listeners(type: string): number {
    return this.counts.get(type) ?? 0;
  }

  until(type: string, atLeast: number): Promise<void> {
    if (this.listeners(type) >= atLeast) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ type, atLeast, resolve }));
  }
}

/** An in-memory event bus whose listeners can be awaited. */
export class ObservedEvents {
  private readonly target = new CountingTarget();
  readonly bus: EventBus = createPubSub<Topics>({ eventTarget: this.target });

  /** Listeners on a topic (with its routing id, e.g. a week or a job id) right now. */
  listeners(topic: string, id?: string): number {
    return this.target.listeners(id === undefined ? topic : `${topic}:${id}`);
  }

  /**
   * Resolves once one more listener than now is on the topic: call it before subscribing,
   * await it after. Rejections come from the test's own timeout.
   */
  nextListener(topic: string, id?: string): Promise<void> {
    const type = id === undefined ? topic : `${topic}:${id}`;
    return this.target.until(type, this.target.listeners(type) + 1);
  }
}
