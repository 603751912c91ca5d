/**
 * Bounds on what the process holds for clients that do not read. A GraphQL answer or an
 * export is written to its socket in one piece, and Node keeps whatever the kernel has not
 * taken (a few MB a socket) until the client reads it, without a time limit: ten sockets
 * asking for a 14.3 MB answer and reading nothing left the built server holding about 80 MB
 * for as long as they stayed open. A CSV export's rows wait in its writer the same way, and
 * WebSocket subscribers that stop reading hold their events.
 *
 * Every half second, the sockets with output still unsent are looked at (HTTP and WebSocket):
 * - one whose output has not moved for `sendTimeoutMs` is closed (`stalled`);
 * - while all of them hold more than `maxUnsentBytes`, the one holding the most of those
 *   whose output has not moved for a few seconds is closed (`over-budget`); a socket its
 *   client is reading from is left alone, however much it holds.
 */
import type http from 'node:http';
import type net from 'node:net';

export interface UnsentLimits {
  maxUnsentBytes: number;
  sendTimeoutMs: number;
}

export type UnsentReason = 'stalled' | 'over-budget';

/** How often the sockets are looked at. */
const SWEEP_MS = 500;
/**
 * How long output must sit still before the budget may close its socket. A reader's output
 * moves in steps as TCP windows open: 1.4 MB every 0.75 s for a client reading 3 MB/s on
 * loopback, so a socket can look still at one look and be read from at the next.
 */
const STILL_FOR_BUDGET_MS = 3000;

interface Progress {
  /** Bytes not yet taken by the kernel when last seen. */
  queued: number;
  /** When they last changed. */
  since: number;
}

/** Bytes the process still holds for `socket`: its buffered chunks, whole. */
const held = (socket: net.Socket): number => socket.writableLength;

/**
 * Bytes libuv has yet to hand to the kernel: it falls as a client reads a large chunk,
 * while `writableLength` stays until the whole chunk is gone.
 */
function queued(socket: net.Socket): number {
  const handle = (socket as net.Socket & { _handle?: { writeQueueSize?: unknown } })._handle;
  return typeof handle?.writeQueueSize === 'number' ? handle.writeQueueSize : held(socket);
}

export function boundUnsentOutput(
  server: http.Server,
  limits: UnsentLimits,
  onClosed: (reason: UnsentReason) => void,
): void {
  const sockets = new Map<net.Socket, Progress | null>();
  server.on('connection', (socket: net.Socket) => {
    sockets.set(socket, null);
    socket.once('close', () => sockets.delete(socket));
  });
  const close = (socket: net.Socket, reason: UnsentReason): void => {
    sockets.delete(socket);
    socket.destroy();
    onClosed(reason);
  };
  const sweep = setInterval(() => {
    const sending = stillSending(sockets, performance.now());
    for (const s of sending) if (s.idleMs >= limits.sendTimeoutMs) close(s.socket, 'stalled');
    const open = sending.filter((s) => s.idleMs < limits.sendTimeoutMs);
    let total = open.reduce((sum, s) => sum + s.bytes, 0);
    // a socket its client is reading from is never closed for the budget
    const unread = open.filter((s) => s.idleMs >= STILL_FOR_BUDGET_MS).sort((a, b) => b.bytes - a.bytes);
    for (const s of unread) {
      if (total <= limits.maxUnsentBytes) break;
      close(s.socket, 'over-budget');
      total -= s.bytes;
    }
  }, SWEEP_MS);
  sweep.unref();
  server.once('close', () => clearInterval(sweep));
}

/** The sockets with output unsent now, how much each holds and how long it has not moved. */
function stillSending(
  sockets: Map<net.Socket, Progress | null>,
  now: number,
): { socket: net.Socket; bytes: number; idleMs: number }[] {
  const sending: { socket: net.Socket; bytes: number; idleMs: number }[] = [];
  for (const [socket, last] of sockets) {
    const bytes = held(socket);
    if (bytes === 0) {
      if (last) sockets.set(socket, null);
      continue;
    }
    const q = queued(socket);
    if (last?.queued === q) sending.push({ socket, bytes, idleMs: now - last.since });
    else {
      sockets.set(socket, { queued: q, since: now });
      sending.push({ socket, bytes, idleMs: 0 });
    }
  }
  return sending;
}
