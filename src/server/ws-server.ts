/**
 * GraphQL over WebSocket (graphql-ws) on `/graphql`, with the limits and session rules
 * of HTTP:
 * - every operation is parsed, validated and variable-checked by `prepareOperation`
 *   (the same token cap, query limits and string caps as Apollo);
 * - the session is re-checked (token version, active flag, current roles) when the socket
 *   connects, at every operation and before every subscription event is resolved; a
 *   revoked session's socket is closed with 4403;
 * - errors leave through the same formatter as on HTTP.
 */
import type http from 'node:http';
import {
  createSourceEventStream,
  execute,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import type { UserService } from '../auth/user.service';
import { LoaderRegistry, type RequestContext, type Viewer } from '../auth/request-context';
import { isAppError } from '../errors';
import type { Logger } from '../logger';
import { connectionToken, newContext } from './context';
import { serveGraphqlWs, type ConnectionExtra } from './ws-transport';
import { prepareOperation, type EdgeLimits } from './limits';
import type { ClientAddress, ClientRates } from './rate-limit';
import {
  MAX_OPEN_OPERATIONS_PER_USER,
  MAX_SOCKETS_PER_USER,
  OpenOperations,
  TOO_MANY_OPERATIONS,
  TOO_MANY_SOCKETS,
  UserSockets,
} from './ws-quotas';

/** Close code of a socket whose session was revoked (logout, deactivation, new password). */
export const SESSION_REVOKED = 4403;
/**
 * Largest WebSocket message, in bytes: room for the longest query document allowed
 * (`GRAPHQL_MAX_QUERY_LENGTH` characters, up to 3 bytes each) and its variables, at least
 * 256 KiB (300 KB by default). Sockets carry subscriptions; our clients send queries and
 * mutations over HTTP, where large bodies are parsed in a thread of their own. ws gathers,
 * decodes and parses a message on the event loop: a 4.8 MB `connection_init`, sent before
 * anyone signed in, held it 42-83 ms when messages could be 5 MiB; a larger one now closes
 * the socket with 1009 before any of that.
 */
export const wsMaxPayload = (maxQueryLength: number): number => Math.max(256 * 1024, 3 * maxQueryLength);

/** What a socket keeps between messages (graphql-ws adds `socket` and `request`). */
type SocketExtra = { token?: string; viewer?: Viewer; client?: string };

/** Who is asking: the rate per client address, and how a request's address is found. */
interface ClientEdge {
  rates: ClientRates;
  clientAddress: ClientAddress;
}

/** Close code of a socket refused over the request rate (as graphql-ws's own 4429). */
export const RATE_LIMITED_CLOSE = 4429;

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** The viewer the token stands for now, or null when the session no longer holds. */
async function currentViewer(users: UserService, token: string): Promise<Viewer | null> {
  try {
    return await users.authenticate(token);
  } catch (e) {
    if (isAppError(e) && e.code === 'UNAUTHENTICATED') return null;
    throw e;
  }
}

/**
 * A subscription whose events each re-check the session first: a revoked session ends
 * the stream (and the caller closes the socket); a live one resolves the event with the
 * viewer's current roles and fresh loaders. `return()` reaches the source at once, so an
 * unsubscribe never waits for the next event.
 */
function checkedSubscription(
  source: AsyncIterator<unknown>,
  args: ExecutionArgs,
  recheck: () => Promise<Viewer | null>,
): AsyncIterableIterator<ExecutionResult> {
  const done = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });
  const stream: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const event = await source.next();
      if (event.done) return done();
      const viewer = await recheck();
      if (!viewer) {
        await source.return?.();
        return done();
      }
      const contextValue: RequestContext = {
        ...(args.contextValue as RequestContext),
        viewer,
        loaders: new LoaderRegistry(),
      };
      return { done: false, value: await execute({ ...args, rootValue: event.value, contextValue }) };
    },
    async return() {
      await source.return?.();
      return done();
    },
    async throw(e: unknown) {
      await source.return?.();
      throw e;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

const withCode = (e: GraphQLError): GraphQLError =>
  typeof e.extensions.code === 'string'
    ? e
    : new GraphQLError(e.message, {
        nodes: e.nodes,
        originalError: e,
        extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
      });

type WsOptions = ServerOptions<Record<string, unknown>, ConnectionExtra & SocketExtra>;
type Recheck = () => Promise<Viewer | null>;

const tooManyOperations = (): GraphQLError =>
  new GraphQLError(
    `Too many open operations: at most ${MAX_OPEN_OPERATIONS_PER_USER} operations open per user ` +
      'over all sockets; complete one first',
    { extensions: { code: TOO_MANY_OPERATIONS } },
  );

/**
 * Accepts a socket only with a token that stands for a live session, and only while its
 * user holds fewer than MAX_SOCKETS_PER_USER (refused: closed with TOO_MANY_SOCKETS).
 */
function connectHandler(
  users: UserService,
  sockets: UserSockets,
  { rates, clientAddress }: ClientEdge,
): NonNullable<WsOptions['onConnect']> {
  return async (ctx) => {
    ctx.extra.client = clientAddress(ctx.extra.request);
    const retryAfter = rates.take(ctx.extra.client, 'ws');
    if (retryAfter > 0) {
      await rates.delay();
      ctx.extra.socket.close(RATE_LIMITED_CLOSE, rates.message(retryAfter));
      return false;
    }
    const token = connectionToken(ctx.connectionParams);
    const viewer = token === null ? null : await currentViewer(users, token);
    if (!viewer || token === null) return false;
    if (!sockets.tryOpen(ctx, viewer.userId)) {
      ctx.extra.socket.close(TOO_MANY_SOCKETS, `Too many sockets: at most ${MAX_SOCKETS_PER_USER} per user`);
      return false;
    }
    ctx.extra.token = token;
    ctx.extra.viewer = viewer;
    return true;
  };
}

/** Re-checks the session, then parses and checks the operation like HTTP does. */
function subscribeHandler(
  schema: GraphQLSchema,
  deps: {
    users: UserService;
    limits: EdgeLimits;
    rechecks: WeakMap<object, Recheck>;
    open: OpenOperations;
    rates: ClientRates;
  },
): NonNullable<WsOptions['onSubscribe']> {
  return async (ctx, id, payload) => {
    // taken first, synchronously: a flood is refused before any session check or parsing
    const owner = ctx.extra.viewer?.userId;
    if (owner === undefined || !deps.open.tryAdd(ctx, owner, id)) return [tooManyOperations()];
    const refuse = (errors: readonly GraphQLError[]): readonly GraphQLError[] => {
      deps.open.complete(ctx, id);
      return errors;
    };
    const retryAfter = deps.rates.take(ctx.extra.client, 'ws');
    if (retryAfter > 0) {
      // the operation keeps its place while it waits: one user's refusals are bounded too
      await deps.rates.delay();
      return refuse([deps.rates.error(retryAfter)]);
    }
    const recheck = async (): Promise<Viewer | null> => {
      const viewer = ctx.extra.token ? await currentViewer(deps.users, ctx.extra.token) : null;
      if (!viewer) ctx.extra.socket.close(SESSION_REVOKED, 'Forbidden: session revoked');
      return viewer;
    };
    const viewer = await recheck();
    if (!viewer)
      return refuse([new GraphQLError('Session revoked', { extensions: { code: 'UNAUTHENTICATED' } })]);
    const prepared = prepareOperation(
      schema,
      deps.limits,
      payload.query,
      payload.variables,
      payload.operationName,
    );
    if ('errors' in prepared) return refuse(prepared.errors.map(withCode));
    const contextValue = newContext(viewer, ctx.extra.client);
    deps.rechecks.set(contextValue, recheck);
    return {
      schema,
      document: prepared.document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue,
    };
  };
}

/** Subscriptions whose every event re-checks the session the operation was opened with. */
function checkedSubscribe(rechecks: WeakMap<object, Recheck>): NonNullable<WsOptions['subscribe']> {
  return async (args) => {
    const recheck = rechecks.get(args.contextValue as object);
    if (!recheck)
      return { errors: [new GraphQLError('No session to check', { extensions: { code: 'FORBIDDEN' } })] };
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    return checkedSubscription(source[Symbol.asyncIterator](), args, recheck);
  };
}

export function startWsServer(
  httpServer: http.Server,
  schema: GraphQLSchema,
  deps: {
    users: UserService;
    limits: EdgeLimits;
    formatError: Formatter;
    logger: Logger;
    rates: ClientRates;
    clientAddress: ClientAddress;
    /** Told the number of operations open on all sockets whenever it changes (metrics). */
    onOpenOperations?: (open: number) => void;
  },
): { dispose(): void | Promise<void> } {
  const { users, limits, formatError, rates } = deps;
  const open = new OpenOperations(deps.onOpenOperations);
  const sockets = new UserSockets();
  const maxPayload = wsMaxPayload(limits.maxQueryLength);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload });
  const rechecks = new WeakMap<object, Recheck>();
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((e) => formatError(e.toJSON(), e));

  return serveGraphqlWs<Record<string, unknown>, SocketExtra>(
    {
      schema,
      onConnect: connectHandler(users, sockets, deps),
      onSubscribe: subscribeHandler(schema, { users, limits, rechecks, open, rates }),
      subscribe: checkedSubscribe(rechecks),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onComplete: (ctx, id) => open.complete(ctx, id),
      onClose: (ctx) => {
        open.close(ctx);
        sockets.close(ctx);
      },
    },
    wsServer,
    deps.logger,
  );
}
