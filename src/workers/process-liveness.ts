import { randomUUID } from 'node:crypto';

/**
 * Which processes are alive, so work left by a dead one can be recovered. Each process has a
 * `self` id; `isLive` answers for any id, or null when it cannot tell right now (the shared
 * registry is unreachable), in which case nothing should be recovered yet.
 */
export interface ProcessLiveness {
  readonly self: string;
  isLive(id: string): Promise<boolean | null>;
  close(): Promise<void>;
}

/**
 * One process owns its data (the embedded store, or no Redis): any other owner id belongs to a
 * process that has ended, since a data directory is held by one process at a time.
 */
export class SingleProcessLiveness implements ProcessLiveness {
  readonly self = randomUUID();

  async isLive(id: string): Promise<boolean> {
    return id === this.self;
  }

  async close(): Promise<void> {}
}
