import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './request-context';
import { isAppError } from '../errors';
import type { Logger } from '../logger';
import type { AuditService } from './audit.service';

const idOf = (v: unknown): string | null => {
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o._id === 'string') return o._id;
  if (typeof o.id === 'string') return o.id;
  return null;
};

/** The id a mutation acted on: an `id` argument, else the id of what it returned (or its `user`). */
function targetOf(args: Record<string, unknown>, result: unknown): string | null {
  for (const key of ['id', 'rosterId', 'staffId', 'modelId', 'jobId'])
    if (typeof args[key] === 'string') return args[key];
  return idOf(result) ?? idOf((result as Record<string, unknown> | null)?.user);
}

/**
 * Writes one audit entry per root mutation after it finishes, successful or not, with
 * secrets removed from the arguments. Logins are mutations, so they are audited too.
 */
export function auditMiddleware(audit: AuditService, logger: Logger): MiddlewareFn<RequestContext> {
  return async ({ info, args, context }, next): Promise<unknown> => {
    if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return next();
    const viewer = context.viewer;
    const base = {
      userId: viewer?.userId ?? null,
      username: viewer?.username ?? (typeof args.username === 'string' ? args.username : null),
      action: info.fieldName,
      detail: args as Record<string, unknown>,
    };
    try {
      const result: unknown = await next();
      const user = (result as { user?: { _id?: string; username?: string } } | null)?.user;
      await audit
        .record({
          ...base,
          userId: base.userId ?? user?._id ?? null,
          target: targetOf(args, result),
          ok: true,
          code: null,
        })
        .catch((e: unknown) => logger.error({ err: e, action: info.fieldName }, 'audit write failed'));
      return result;
    } catch (error) {
      await audit
        .record({
          ...base,
          target: targetOf(args, null),
          ok: false,
          code: isAppError(error) ? error.code : errorCode(error),
        })
        .catch((e: unknown) => logger.error({ err: e, action: info.fieldName }, 'audit write failed'));
      throw error;
    }
  };
}

const errorCode = (e: unknown): string => {
  const code = (e as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
};
