/**
 * The server's side of the JSON thread (`json-body.task.ts`): one thread, started by the
 * first large body and ended after IDLE_MS without one. A thread that dies fails the bodies
 * it held (500), and the next body starts another.
 */
import { Worker } from 'node:worker_threads';
import { taskFile } from '../workers/worker-pool';
import type { ThreadMessage, ThreadReply } from './json-body.types';

/** An idle thread ends after this long. */
const IDLE_MS = 10_000;

type Pending = { resolve: (value: unknown) => void; reject: (e: Error) => void };

/** One body on its way to the thread. */
export interface ThreadBody {
  /** Sends a chunk of the body as received (copied: the chunk may share its memory). */
  push(chunk: Buffer): void;
  /** The parsed body, or body-parser's refusal as an error. */
  end(encoding: string, limit: number): Promise<unknown>;
  /** Forgets the chunks sent so far. */
  drop(): void;
}

export class JsonThread {
  private thread: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  /** Bytes the thread holds of each body being received or parsed. */
  private readonly held = new Map<number, number>();
  private heldTotal = 0;
  private nextId = 0;
  private idle: NodeJS.Timeout | undefined;

  /** Bodies the thread holds: being received or being parsed. */
  get holding(): number {
    return this.held.size;
  }

  /** Bytes of those bodies received so far. */
  get heldBytes(): number {
    return this.heldTotal;
  }

  open(): ThreadBody {
    clearTimeout(this.idle);
    const thread = this.started();
    const id = (this.nextId += 1);
    this.held.set(id, 0);
    const post = (m: ThreadMessage, transfer: ArrayBuffer[] = []): void => {
      if (this.thread === thread) thread.postMessage(m, transfer);
    };
    return {
      push: (chunk) => {
        this.held.set(id, (this.held.get(id) ?? 0) + chunk.length);
        this.heldTotal += chunk.length;
        const bytes = new Uint8Array(chunk);
        post({ kind: 'chunk', id, bytes }, [bytes.buffer]);
      },
      end: (encoding, limit) =>
        new Promise((resolve, reject) => {
          if (this.thread !== thread) return reject(threadLost());
          this.pending.set(id, { resolve, reject });
          thread.ref();
          post({ kind: 'end', id, encoding, limit });
        }),
      drop: () => {
        this.release(id);
        post({ kind: 'drop', id });
        this.restIfIdle();
      },
    };
  }

  private started(): Worker {
    if (this.thread) return this.thread;
    const thread = new Worker(taskFile('server/json-body.task'));
    thread.unref();
    thread.on('message', (reply: ThreadReply) => this.settle(reply));
    thread.on('error', (e) => this.lost(thread, e));
    thread.on('exit', () => this.lost(thread, threadLost()));
    this.thread = thread;
    return thread;
  }

  private release(id: number): void {
    this.heldTotal -= this.held.get(id) ?? 0;
    this.held.delete(id);
  }

  private settle(reply: ThreadReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.release(reply.id);
    this.restIfIdle();
    if (!waiting) return;
    if ('refusal' in reply) waiting.reject(Object.assign(new Error(reply.refusal.type), reply.refusal));
    else waiting.resolve(reply.value);
  }

  private restIfIdle(): void {
    const thread = this.thread;
    if (!thread || this.held.size > 0) return;
    thread.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.thread === thread && this.held.size === 0) void thread.terminate();
    }, IDLE_MS).unref();
  }

  /** A thread that died fails what it held; the next body starts a new one. */
  private lost(thread: Worker, error: Error): void {
    if (this.thread !== thread) return;
    this.thread = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.held.clear();
    this.heldTotal = 0;
  }
}

const threadLost = (): Error => new Error('the JSON thread ended while parsing a request body');
