import { createParameterDecorator } from 'type-graphql';
import type { RequestContext, Viewer } from './request-context';
import { unauthenticated } from '../errors';
import { AUTH_REQUIRED } from './auth-checker';

/** The viewer of a field that `@Authorized` admitted; throws UNAUTHENTICATED on an anonymous call. */
export const viewerOf = ({ viewer }: RequestContext): Viewer => {
  if (viewer === null) throw unauthenticated(AUTH_REQUIRED);
  return viewer;
};

/**
 * Injects the signed-in viewer of the request into a resolver parameter, typed `Viewer`
 * (never null). For fields with a rule other than PUBLIC: the auth checker ran first, so an
 * anonymous caller never gets here; the check in viewerOf only keeps the type honest.
 */
export function CurrentViewer() {
  return createParameterDecorator<RequestContext>(({ context }) => viewerOf(context));
}
