import { defaultFieldResolver, Kind, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type MiddlewareFn, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import type { RequestContext } from '../auth/request-context';
import { bindTopicSources, type TopicIdChecks } from '../events/keyed-subscription';
import type { EventBus } from '../events/pubsub';
import { nextTurn } from '../time-slicer';

/** A resolver class (type-graphql's `@Resolver()`-decorated constructor). */
export type ResolverClass = abstract new (...args: never[]) => object;

export interface SchemaOptions {
  resolvers: NonEmptyArray<ResolverClass>;
  /** Resolver class → instance (constructor-injected services). */
  instances: Map<ResolverClass, object>;
  pubSub: EventBus;
  /**
   * What a keyed subscription's id must name when it opens (see `subscribeById`). Without it
   * (a schema only printed, a test's) a keyed subscription fails to open.
   */
  topicIds?: TopicIdChecks;
  /**
   * Middlewares of the root mutation fields only (the audit log). Not type-graphql's
   * global middlewares: those wrap every field of every object in a promise chain, which
   * cost more than the resolvers themselves on nested lists.
   */
  mutationMiddlewares?: MiddlewareFn<RequestContext>[];
}

/** Wraps each root Mutation field's resolver in `middlewares`, outermost first. */
function wrapMutations(schema: GraphQLSchema, middlewares: MiddlewareFn<RequestContext>[]): void {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(fields)) {
    for (const middleware of [...middlewares].reverse()) {
      const inner = field.resolve ?? defaultFieldResolver;
      field.resolve = (root: unknown, args: Record<string, unknown>, context: RequestContext, info) =>
        middleware({ root, args, context, info }, async (): Promise<unknown> =>
          inner(root, args, context, info),
        );
    }
  }
}

/** Per request (its context): resolves once the latest root field has been started. */
const lastRootStart = new WeakMap<object, Promise<void>>();

/**
 * In a request of several root Query or Mutation fields (aliases, up to GRAPHQL_MAX_ALIASES),
 * each field after the first starts on a turn of the event loop of its own, once the one
 * before it has started: they run as separate tasks with other requests served between them,
 * and still overlap while they wait for I/O. 30 aliased `validateVolumes` of 400 days, each
 * cheap by the cost model, held the event loop 2.6 s in one block. (A `setImmediate` each is
 * not enough: immediates queued together run together.)
 */
function turnPerRootField(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const inner = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: object, info) => {
        const selections = info.operation.selectionSet.selections;
        // the common request of one root field: nothing to space out
        if (selections.length === 1 && selections[0]?.kind === Kind.FIELD)
          return inner(root, args, context, info);
        return nextRootField(context, () => inner(root, args, context, info));
      };
    }
  }
}

/** Runs `start` once the request's previous root field has started, on a later turn. */
async function nextRootField(context: object, start: () => unknown): Promise<unknown> {
  const previous = lastRootStart.get(context);
  let started = (): void => undefined;
  lastRootStart.set(context, new Promise<void>((resolve) => (started = resolve)));
  try {
    // the first root field starts at once
    if (previous) {
      await previous;
      await nextTurn();
    }
    return start();
  } finally {
    started();
  }
}

/**
 * Deny by default: every Query, Mutation and Subscription root field must carry an
 * `@Authorized(...)` rule. A field without one stops the schema from being built.
 */
export function assertEveryRootFieldAuthorized(resolvers: ResolverClass[]): void {
  const storage = getMetadataStorage();
  const ruled = new Set(storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`));
  const classes = new Set<unknown>(resolvers);
  const missing = [...storage.queries, ...storage.mutations, ...storage.subscriptions]
    .filter((r) => classes.has(r.target) && !ruled.has(`${r.target.name}.${r.methodName}`))
    .map((r) => `${r.target.name}.${r.methodName} (${r.schemaName})`);
  if (missing.length > 0)
    throw new Error(`Root fields without an @Authorized rule (denied by default): ${missing.join(', ')}`);
}

export async function buildAppSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  assertEveryRootFieldAuthorized([...options.resolvers]);
  const schema = await buildSchema({
    resolvers: options.resolvers,
    authChecker,
    authMode: 'error',
    pubSub: options.pubSub,
    validate: { forbidUnknownValues: false, validationError: { target: false } },
    container: {
      get: (cls: ResolverClass) => {
        const instance = options.instances.get(cls);
        if (!instance) throw new Error(`No instance registered for resolver ${cls.name}`);
        return instance;
      },
    },
    emitSchemaFile: false,
  });
  if (options.topicIds) bindTopicSources(schema, { bus: options.pubSub, ids: options.topicIds });
  wrapMutations(schema, options.mutationMiddlewares ?? []);
  turnPerRootField(schema);
  return schema;
}
