import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type MiddlewareFn, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import type { RequestContext } from '../auth/request-context';
import type { EventBus } from '../events/pubsub';

/** A resolver class (type-graphql's `@Resolver()`-decorated constructor). */
export type ResolverClass = abstract new (...args: never[]) => object;

export interface SchemaOptions {
  resolvers: NonEmptyArray<ResolverClass>;
  /** Resolver class → instance (constructor-injected services). */
  instances: Map<ResolverClass, object>;
  pubSub: EventBus;
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
  wrapMutations(schema, options.mutationMiddlewares ?? []);
  return schema;
}
