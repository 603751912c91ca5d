import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { bearerToken } from '../auth/token';
import type { UserService } from '../auth/user.service';
import { LoaderRegistry, type RequestContext, type Viewer } from '../auth/request-context';
import { isAppError } from '../errors';

/** Credentials refused: UNAUTHENTICATED, HTTP 401. */
const refusedCredentials = (message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

const MALFORMED_HEADER = 'Authorization header must be "Bearer <token>"';

/** Resolves a token to its viewer or throws an UNAUTHENTICATED GraphQL error (HTTP 401). */
export async function viewerFromToken(users: UserService, token: string | null): Promise<Viewer | null> {
  if (token === null) return null;
  try {
    return await users.authenticate(token);
  } catch (e) {
    if (isAppError(e) && e.code === 'UNAUTHENTICATED') throw refusedCredentials(e.message);
    throw e;
  }
}

export const newContext = (viewer: Viewer | null, ip?: string): RequestContext => ({
  viewer,
  requestId: randomUUID(),
  loaders: new LoaderRegistry(),
  ip,
});

/**
 * Context of a request carrying `token` (null: none, undefined: a header that is not a
 * bearer token). Credentials that are refused leave the caller anonymous with the refusal
 * in `credentialError`, raised (HTTP 401) by every field but the PUBLIC ones: the whole
 * request was refused before, so an expired token kept its holder from signing in again.
 */
export async function tokenContext(
  users: UserService,
  token: string | null | undefined,
  ip?: string,
): Promise<RequestContext> {
  if (token === undefined)
    return { ...newContext(null, ip), credentialError: refusedCredentials(MALFORMED_HEADER) };
  try {
    return newContext(await viewerFromToken(users, token), ip);
  } catch (e) {
    if (e instanceof GraphQLError && e.extensions.code === 'UNAUTHENTICATED')
      return { ...newContext(null, ip), credentialError: e };
    throw e;
  }
}

/** Context of an HTTP request: anonymous without an Authorization header (see tokenContext). */
export async function httpContext(users: UserService, req: Request): Promise<RequestContext> {
  const header = req.headers.authorization;
  const token = bearerToken(header);
  return tokenContext(users, header && token === null ? undefined : token, req.ip);
}

/** The token of a graphql-ws `connection_init` payload: `{ authorization: "Bearer …" }` or `{ token }`. */
export function connectionToken(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  if (typeof params.token === 'string') return params.token;
  const auth = params.authorization ?? params.Authorization;
  return typeof auth === 'string' ? bearerToken(auth) : null;
}
