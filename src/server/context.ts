import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { bearerToken } from '../auth/token';
import type { UserService } from '../auth/user.service';
import { LoaderRegistry, type RequestContext, type Viewer } from '../auth/request-context';
import { isAppError } from '../errors';

/** Resolves a token to its viewer or throws an UNAUTHENTICATED GraphQL error (HTTP 401). */
export async function viewerFromToken(users: UserService, token: string | null): Promise<Viewer | null> {
  if (token === null) return null;
  try {
    return await users.authenticate(token);
  } catch (e) {
    if (isAppError(e) && e.code === 'UNAUTHENTICATED')
      throw new GraphQLError(e.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    throw e;
  }
}

export const newContext = (viewer: Viewer | null, ip?: string): RequestContext => ({
  viewer,
  requestId: randomUUID(),
  loaders: new LoaderRegistry(),
  ip,
});

/** Context of an HTTP request: anonymous without an Authorization header, refused with a bad token. */
export async function httpContext(users: UserService, req: Request): Promise<RequestContext> {
  const header = req.headers.authorization;
  const token = bearerToken(header);
  if (header && token === null)
    throw new GraphQLError('Authorization header must be "Bearer <token>"', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  return newContext(await viewerFromToken(users, token), req.ip);
}

/** The token of a graphql-ws `connection_init` payload: `{ authorization: "Bearer …" }` or `{ token }`. */
export function connectionToken(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  if (typeof params.token === 'string') return params.token;
  const auth = params.authorization ?? params.Authorization;
  return typeof auth === 'string' ? bearerToken(auth) : null;
}
