/**
 * HTTP/1.1 lets a client send requests without waiting for answers (pipelining). While a
 * request waits on anything (the store, the worker pool, the rate limit's one-second
 * refusal), Node parses the ones behind it and holds each until the answers before it are
 * out. No browser pipelines, but an attacker can: 4 sockets of 20,000 pipelined
 * `{ __typename }` each took the built server to 717 MB and another client's `/healthz` to
 * 1.9 s (2026-12-02), the rate limit's refusals all held at once. A socket may have at most
 * MAX_PIPELINED requests waiting for their answers; the next one cuts it off, and what Node
 * parses of its buffer after that is dropped unanswered.
 */
import type { Socket } from 'node:net';
import type { RequestHandler } from 'express';

export const MAX_PIPELINED = 16;

export function pipelineGuard(onCut: () => void): RequestHandler {
  const waiting = new WeakMap<Socket, number>();
  return (req, res, next) => {
    const socket = req.socket;
    if (socket.destroyed) return;
    const n = (waiting.get(socket) ?? 0) + 1;
    waiting.set(socket, n);
    res.once('close', () => waiting.set(socket, (waiting.get(socket) ?? 1) - 1));
    if (n <= MAX_PIPELINED) return next();
    socket.destroy();
    onCut();
  };
}
