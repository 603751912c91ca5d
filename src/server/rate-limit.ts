/**
 * Requests per client address, on HTTP and WebSocket alike: a token bucket of
 * `HTTP_BURST_PER_CLIENT` tokens refilled at `HTTP_RATE_PER_CLIENT` a second (0: off), keyed
 * by the address TRUST_PROXY yields (an IPv6 client by its /64). Each HTTP request but the
 * health checks takes a token, and one more per 64 KiB of its body; each WebSocket
 * `connection_init` and `subscribe` takes one.
 *
 * Without it one address sending `{ __typename }` on 64 keep-alive sockets got 2,400
 * answers a second and slowed every other client's requests 13–23 times. A refusal is
 * answered only after `RATE_REFUSAL_DELAY_MS`: a client that retries at once would otherwise
 * get refusals as fast as the event loop can make them, and each costs it a parse and a
 * response. Holding one costs a timer; the sockets an address may hold are capped already.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { clientKey } from '../common/client-address';
import { TokenBuckets } from '../common/token-buckets';
import type { Config } from '../config';
import type { ErrorCode } from '../errors';

export const RATE_LIMITED = 'RATE_LIMITED' satisfies ErrorCode;
export const RATE_REFUSAL_DELAY_MS = 1000;
/** Client keys remembered at once (about 100 bytes each). */
const MAX_CLIENTS = 100_000;

export type Transport = 'http' | 'ws';

export class ClientRates {
  private readonly buckets: TokenBuckets<string> | null;

  constructor(
    private readonly limit: { perSecond: number; burst: number },
    private readonly onRefused: (transport: Transport) => void,
    readonly refusalDelayMs = RATE_REFUSAL_DELAY_MS,
  ) {
    this.buckets = limit.perSecond > 0 ? new TokenBuckets({ ...limit, maxKeys: MAX_CLIENTS }) : null;
  }

  /** Takes `tokens` for `address`: 0 when granted, else the seconds to wait (Retry-After). */
  take(address: string | undefined, transport: Transport, tokens = 1): number {
    const waitMs = this.buckets?.take(clientKey(address), tokens) ?? 0;
    if (waitMs === 0) return 0;
    this.onRefused(transport);
    return Math.max(1, Math.ceil(waitMs / 1000));
  }

  /** What a refused client is told. */
  message(retryAfter: number): string {
    const { perSecond, burst } = this.limit;
    return (
      `Too many requests from this address: at most ${perSecond} a second (${burst} at once); ` +
      `retry in ${retryAfter} s`
    );
  }

  /** The refusal as a GraphQL error (WebSocket operations). */
  error(retryAfter: number): GraphQLError {
    return new GraphQLError(this.message(retryAfter), { extensions: { code: RATE_LIMITED } });
  }

  /** Resolves after the refusal delay. */
  delay(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.refusalDelayMs));
  }
}

export const clientRates = (
  config: Pick<Config, 'HTTP_RATE_PER_CLIENT' | 'HTTP_BURST_PER_CLIENT'>,
  onRefused: (transport: Transport) => void,
): ClientRates =>
  new ClientRates({ perSecond: config.HTTP_RATE_PER_CLIENT, burst: config.HTTP_BURST_PER_CLIENT }, onRefused);

/** The client address of a request, as TRUST_PROXY yields it (Express's `req.ip`). */
export type ClientAddress = (req: IncomingMessage) => string | undefined;

/**
 * A request body costs a token per 64 KiB besides its request's own: parsing, checking and
 * copying a 4 MB body of variables holds the event loop 20-30 ms, the worth of 50 to 70
 * `{ __typename }` (2,400 a second on one core). A body whose length is not told (chunked)
 * costs as the largest allowed.
 */
export const BYTES_PER_TOKEN = 64 * 1024;

/** What a request costs: a token, and one more per BYTES_PER_TOKEN of its body. */
export function requestTokens(headers: IncomingHttpHeaders, maxBody: number): number {
  const told = Number(headers['content-length'] ?? 0);
  const bytes = headers['transfer-encoding'] || !Number.isFinite(told) ? maxBody : Math.min(told, maxBody);
  return 1 + Math.floor(bytes / BYTES_PER_TOKEN);
}

/** Answers a request over the rate 429 RATE_LIMITED with Retry-After, after the delay. */
export function rateLimited(rates: ClientRates, maxBody: number): RequestHandler {
  return (req, res, next) => {
    const tokens = requestTokens(req.headers, maxBody);
    const retryAfter = rates.take(req.ip, 'http', tokens);
    if (retryAfter === 0) return next();
    const size =
      tokens > 1
        ? ` (this request counts ${tokens}: one more per ${BYTES_PER_TOKEN / 1024} KiB of body)`
        : '';
    const timer = setTimeout(() => {
      res
        .status(429)
        .set('Retry-After', String(retryAfter))
        .json({
          errors: [{ message: rates.message(retryAfter) + size, extensions: { code: RATE_LIMITED } }],
        });
    }, rates.refusalDelayMs);
    res.once('close', () => clearTimeout(timer));
  };
}
