/**
 * What one user may hold over WebSocket: acknowledged sockets and open operations, counted
 * per user over all their sockets in this process. Each place is taken synchronously before
 * anything else is done for the socket or operation and given back when it ends.
 */
import { CappedCounts } from '../common/capped-counts';

/**
 * Operations one user may have open at once over all their sockets (subscriptions, and
 * queries still running). Each subscription holds about 19 KB: 20,000 on one socket took
 * the heap from 58 MB to 434 MB. Past the cap a subscribe is refused with this code.
 */
export const MAX_OPEN_OPERATIONS_PER_USER = 100;
export const TOO_MANY_OPERATIONS = 'TOO_MANY_OPERATIONS';

/**
 * Acknowledged sockets one user may hold at once. Each idle socket holds about 17 KB and a
 * file descriptor: one PARTNER's 20,000 sockets would leave the process none for anyone else.
 */
export const MAX_SOCKETS_PER_USER = 20;
/** Close code of a socket refused past MAX_SOCKETS_PER_USER. */
export const TOO_MANY_SOCKETS = 4429;

/** Acknowledged sockets per user. */
export class UserSockets {
  private readonly bySocket = new Map<object, string>();
  private readonly byUser = new CappedCounts<string>(MAX_SOCKETS_PER_USER);

  /** Takes a place for `socket`; false when the user already holds the most allowed. */
  tryOpen(socket: object, userId: string): boolean {
    if (!this.byUser.tryTake(userId)) return false;
    this.bySocket.set(socket, userId);
    return true;
  }

  close(socket: object): void {
    const userId = this.bySocket.get(socket);
    if (userId === undefined) return;
    this.bySocket.delete(socket);
    this.byUser.release(userId);
  }
}

/**
 * Operations open per socket and per user, reported as one total whenever it changes. A
 * place is taken before anything else is done for the operation and given back when it
 * completes, is refused, or its socket closes.
 */
export class OpenOperations {
  private readonly bySocket = new Map<object, { userId: string; ids: Set<string> }>();
  private readonly byUser = new CappedCounts<string>(MAX_OPEN_OPERATIONS_PER_USER);
  private total = 0;
  constructor(private readonly onChange?: (open: number) => void) {}

  /** Takes a place for operation `id`; false when the user already has the most allowed. */
  tryAdd(socket: object, userId: string, id: string): boolean {
    if (!this.byUser.tryTake(userId)) return false;
    const entry = this.bySocket.get(socket) ?? { userId, ids: new Set<string>() };
    this.bySocket.set(socket, entry);
    entry.ids.add(id);
    this.changed(1);
    return true;
  }

  complete(socket: object, id: string): void {
    const entry = this.bySocket.get(socket);
    if (entry?.ids.delete(id)) this.release(entry.userId, 1);
  }

  close(socket: object): void {
    const entry = this.bySocket.get(socket);
    if (!entry) return;
    this.bySocket.delete(socket);
    this.release(entry.userId, entry.ids.size);
  }

  private release(userId: string, n: number): void {
    if (n === 0) return;
    this.byUser.release(userId, n);
    this.changed(-n);
  }

  private changed(delta: number): void {
    this.total += delta;
    this.onChange?.(this.total);
  }
}
