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
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { UserService } from '../auth/user.service';
import { LoaderRegistry, type RequestContext, type Viewer } from '../auth/request-context';
import { isAppError } from '../errors';
import type { Logger } from '../logger';
import { connectionToken, newContext } from './context';
import { prepareOperation, type EdgeLimits } from './limits';

/** Close code of a socket whose session was revoked (logout, deactivation, new password). */
export const SESSION_REVOKED = 4403;
/** Largest WebSocket message, the same as the HTTP body limit. */
export const MAX_WS_PAYLOAD = 5 * 1024 * 1024;
/**
 * Operations one user may have open at once over all their sockets (subscriptions, and
 * queries still running). Each subscription holds about 19 KB: 20,000 on one socket took
 * the heap from 58 MB to 434 MB. Past the cap a subscribe is refused with this code.
 */
export const MAX_OPEN_OPERATIONS_PER_USER = 100;
export const TOO_MANY_OPERATIONS = 'TOO_MANY_OPERATIONS';

/** What a socket keeps between messages (graphql-ws adds `socket` and `request`). */
type SocketExtra = { token?: string; viewer?: Viewer };

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

type WsOptions = ServerOptions<Record<string, unknown>, Extra & SocketExtra>;
type Recheck = () => Promise<Viewer | null>;

/**
 * Operations open per socket and per user, reported as one total whenever it changes. A
 * place is taken before anything else is done for the operation and given back when it
 * completes, is refused, or its socket closes.
 */
class OpenOperations {
  private readonly bySocket = new Map<object, { userId: string; ids: Set<string> }>();
  private readonly byUser = new Map<string, number>();
  private total = 0;
  constructor(private readonly onChange?: (open: number) => void) {}

  /** Takes a place for operation `id`; false when the user already has the most allowed. */
  tryAdd(socket: object, userId: string, id: string): boolean {
    const count = this.byUser.get(userId) ?? 0;
    if (count >= MAX_OPEN_OPERATIONS_PER_USER) return false;
    const entry = this.bySocket.get(socket) ?? { userId, ids: new Set<string>() };
    this.bySocket.set(socket, entry);
    entry.ids.add(id);
    this.byUser.set(userId, count + 1);
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
    const left = (this.byUser.get(userId) ?? n) - n;
    if (left > 0) this.byUser.set(userId, left);
    else this.byUser.delete(userId);
    this.changed(-n);
  }

  private changed(delta: number): void {
    this.total += delta;
    this.onChange?.(this.total);
  }
}

const tooManyOperations = (): GraphQLError =>
  new GraphQLError(
    `Too many open operations: at most ${MAX_OPEN_OPERATIONS_PER_USER} operations open per user ` +
      'over all sockets; complete one first',
    { extensions: { code: TOO_MANY_OPERATIONS } },
  );

/** Accepts a socket only with a token that stands for a live session. */
function connectHandler(users: UserService): NonNullable<WsOptions['onConnect']> {
  return async (ctx) => {
    const token = connectionToken(ctx.connectionParams);
    const viewer = token === null ? null : await currentViewer(users, token);
    if (!viewer || token === null) return false;
    ctx.extra.token = token;
    ctx.extra.viewer = viewer;
    return true;
  };
}

/** Re-checks the session, then parses and checks the operation like HTTP does. */
function subscribeHandler(
  schema: GraphQLSchema,
  deps: { users: UserService; limits: EdgeLimits; rechecks: WeakMap<object, Recheck>; open: OpenOperations },
): NonNullable<WsOptions['onSubscribe']> {
  return async (ctx, id, payload) => {
    // taken first, synchronously: a flood is refused before any session check or parsing
    const owner = ctx.extra.viewer?.userId;
    if (owner === undefined || !deps.open.tryAdd(ctx, owner, id)) return [tooManyOperations()];
    const refuse = (errors: readonly GraphQLError[]): readonly GraphQLError[] => {
      deps.open.complete(ctx, id);
      return errors;
    };
    const recheck = async (): Promise<Viewer | null> => {
      const viewer = ctx.extra.token ? await currentViewer(deps.users, ctx.extra.token) : null;
      if (!viewer) ctx.extra.socket.close(SESSION_REVOKED, 'Forbidden: session revoked');
      return viewer;
    };
    const viewer = await recheck();
    if (!viewer)
      return refuse([new GraphQLError('Session revoked', { extensions: { code: 'UNAUTHENTICATED' } })]);
    const prepared = prepareOperation(schema, deps.limits, payload.query, payload.variables);
    if ('errors' in prepared) return refuse(prepared.errors.map(withCode));
    const contextValue = newContext(viewer);
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
    /** Told the number of operations open on all sockets whenever it changes (metrics). */
    onOpenOperations?: (open: number) => void;
  },
): { dispose(): void | Promise<void> } {
  const { users, limits, formatError } = deps;
  const open = new OpenOperations(deps.onOpenOperations);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_WS_PAYLOAD });
  const rechecks = new WeakMap<object, Recheck>();
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((e) => formatError(e.toJSON(), e));

  return useServer<Record<string, unknown>, SocketExtra>(
    {
      schema,
      onConnect: connectHandler(users),
      onSubscribe: subscribeHandler(schema, { users, limits, rechecks, open }),
      subscribe: checkedSubscribe(rechecks),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onComplete: (ctx, id) => open.complete(ctx, id),
      onClose: (ctx) => open.close(ctx),
    },
    wsServer,
  );
}
