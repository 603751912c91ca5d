/**
 * Admission to password work. Every login verifies an argon2 hash (tens of milliseconds of
 * CPU and 19 MiB each, on libuv's thread pool), and anyone may call `login`. Unbounded, a
 * flood of logins runs four at once on a two-core machine, starves the event loop of CPU
 * and queues without end behind it, so a user's own login waits for the whole flood.
 *
 * The gate runs at most `maxRunning` such tasks at once (LOGIN_MAX_CONCURRENT, 2: a core
 * of a two-core machine stays with the event loop), lets at most `maxWaiting` wait
 * (LOGIN_MAX_QUEUED), and at most `maxPerClient` of them, running or waiting, come from
 * one client address (LOGIN_MAX_PER_CLIENT). Past either bound a call is refused with
 * UNAVAILABLE, after `refusalDelayMs`, before it reads or claims anything, so a refused
 * login costs the user no attempt. Refusal depends on load only, never on the username,
 * so it tells nothing about accounts.
 */
import { CappedCounts } from '../common/capped-counts';
import { clientKey } from '../common/client-address';
import { AppError } from '../errors';

export interface GateLimits {
  maxRunning: number;
  maxWaiting: number;
  maxPerClient: number;
  /** How long a refusal waits before it answers. */
  refusalDelayMs: number;
}

/**
 * A refused caller hears so only after a second. A client that retries at once would
 * otherwise get refusals as fast as the event loop can make them: 200 such callers from
 * one address made 1,500 refusals a second, and a user's own sign-in from elsewhere took
 * 0.9 s (median; slowest 1.6 s); with the delay, 85 ms (slowest 376 ms). The wait costs
 * the server a timer.
 */
export const REFUSAL_DELAY_MS = 1000;

export const BUSY_MESSAGE = 'Too many sign-ins at once; try again in a few seconds';

export class PasswordGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly perClient: CappedCounts<string>;

  constructor(private readonly limits: GateLimits) {
    this.perClient = new CappedCounts(limits.maxPerClient);
  }

  /** Runs `task` when a place is free; refuses with UNAVAILABLE when the gate is full. */
  async run<T>(address: string, task: () => Promise<T>): Promise<T> {
    const client = clientKey(address);
    const mustWait = this.running >= this.limits.maxRunning;
    // the queue is checked first: a refused call takes no place
    if ((mustWait && this.waiting.length >= this.limits.maxWaiting) || !this.perClient.tryTake(client)) {
      await new Promise((resolve) => setTimeout(resolve, this.limits.refusalDelayMs));
      throw new AppError('UNAVAILABLE', BUSY_MESSAGE);
    }
    try {
      if (mustWait) await new Promise<void>((resolve) => this.waiting.push(resolve));
      else this.running += 1;
      try {
        return await task();
      } finally {
        this.release();
      }
    } finally {
      this.perClient.release(client);
    }
  }

  /** Hands the place to the longest waiter, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
