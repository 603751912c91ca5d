import type { Role } from './gql/graphql';

export interface PageDef {
  path: string;
  label: string;
  /** Roles that see the page; ADMIN only where listed (the server stays the authority). */
  roles: Role[];
}

/** Every page and who sees it in the navigation. */
export const PAGES: PageDef[] = [
  { path: '/forecast', label: 'Forecast', roles: ['ADMIN', 'MANAGER', 'SERVICE_PROVIDER', 'PARTNER'] },
  { path: '/staffing', label: 'Staffing', roles: ['ADMIN', 'MANAGER', 'SERVICE_PROVIDER'] },
  { path: '/roster', label: 'Roster', roles: ['ADMIN', 'MANAGER'] },
  { path: '/ranking', label: 'Ranking', roles: ['ADMIN', 'MANAGER'] },
  { path: '/my', label: 'My week', roles: ['AGENT'] },
  { path: '/admin/users', label: 'Users', roles: ['ADMIN'] },
  { path: '/admin/audit', label: 'Audit log', roles: ['ADMIN'] },
];

export function pagesFor(roles: readonly Role[]): PageDef[] {
  return PAGES.filter((p) => p.roles.some((r) => roles.includes(r)));
}

export function hasRole(roles: readonly Role[], ...wanted: Role[]): boolean {
  return roles.includes('ADMIN') || wanted.some((r) => roles.includes(r));
}
