import type { AuthCheckerFn } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors';
import type { RequestContext, Viewer } from './request-context';
import { type AccessRule, PUBLIC, Role, SIGNED_IN, type SignedInRule } from './roles';

/** Messages of the rule denials (tests tell them from domain errors by these). */
export const AUTH_REQUIRED = 'Authentication required';
export const REQUIRES_ROLE = 'Requires one of: ';

/**
 * The one access check of the API, shared by GraphQL fields and downloads: the viewer it
 * admits under a rule that needs a signed-in caller, or an UNAUTHENTICATED / FORBIDDEN
 * error. An empty rule list is refused rather than read as "any user" (deny by default).
 */
export function admitViewer(viewer: Viewer | null, rules: readonly SignedInRule[]): Viewer {
  if (viewer === null) throw unauthenticated(AUTH_REQUIRED);
  if (rules.includes(SIGNED_IN)) return viewer;
  if (rules.length === 0) throw forbidden('This field declares no access rule');
  if (viewer.roles.includes(Role.ADMIN)) return viewer;
  if (viewer.roles.some((r) => rules.includes(r))) return viewer;
  // ADMIN passes every rule; a rule that names it too is listed once
  throw forbidden(`${REQUIRES_ROLE}${[...new Set([Role.ADMIN, ...rules])].join(', ')}`);
}

const needsSignIn = (rule: AccessRule): rule is SignedInRule => rule !== PUBLIC;

/**
 * The `@Authorized` checker: PUBLIC admits anyone, even with refused credentials (an
 * expired token must not stop its holder signing in again); every other rule raises the
 * credentials' refusal, if any, then goes through admitViewer. A root field without a rule
 * never reaches the schema (see assertEveryRootFieldAuthorized).
 */
export const authChecker: AuthCheckerFn<RequestContext, AccessRule> = ({ context }, rules) => {
  if (rules.includes(PUBLIC)) return true;
  if (context.credentialError) throw context.credentialError;
  admitViewer(context.viewer, rules.filter(needsSignIn));
  return true;
};
