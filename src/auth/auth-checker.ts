import type { AuthCheckerFn } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors';
import type { RequestContext } from './request-context';
import { type AccessRule, PUBLIC, Role, SIGNED_IN } from './roles';

/** Messages of the rule denials (tests tell them from domain errors by these). */
export const AUTH_REQUIRED = 'Authentication required';
export const REQUIRES_ROLE = 'Requires one of: ';

/**
 * The one authorization rule of the API. Deny by default: a root field without an
 * `@Authorized` rule never reaches the schema (see assertEveryRootFieldAuthorized), and
 * an empty rule list is refused here rather than read as "any user".
 */
export const authChecker: AuthCheckerFn<RequestContext, AccessRule> = ({ context }, rules) => {
  if (rules.includes(PUBLIC)) return true;
  const viewer = context.viewer;
  if (viewer === null) throw unauthenticated(AUTH_REQUIRED);
  if (rules.includes(SIGNED_IN)) return true;
  if (rules.length === 0) throw forbidden('This field declares no access rule');
  if (viewer.roles.includes(Role.ADMIN)) return true;
  if (viewer.roles.some((r) => rules.includes(r))) return true;
  throw forbidden(`${REQUIRES_ROLE}${[Role.ADMIN, ...rules].join(', ')}`);
};
